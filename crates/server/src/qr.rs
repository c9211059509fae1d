//! The join URL as a QR code for the projector, drawn here as SVG: no
//! outside service ever sees a room code.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG of `url`; `None` only if it is too long for a QR code.
pub fn svg(url: &str) -> Option<String> {
    // Level M survives a projector's glare and a phone held at an angle.
    let code = QrCode::with_error_correction_level(url, EcLevel::M).ok()?;
    Some(code.render::<svg::Color>().min_dimensions(240, 240).quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_join_url_becomes_an_svg() {
        let image = super::svg("http://192.168.1.20:8080/?room=123456").unwrap();
        assert!(image.starts_with("<?xml") && image.contains("<svg") && image.contains("<path"));
    }
}
