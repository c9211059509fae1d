//! With Redis: what the other instances do reaches this one. One task hears
//! every room channel and applies the entries to the rooms held here; one
//! pings Redis, so presenters learn when it stops answering and when it is
//! back even while nobody answers.

use crate::hub::Hub;
use crate::shared::read_published;
use futures_util::StreamExt;
use std::sync::Arc;
use std::time::Duration;

/// How soon the channels are heard again after the connection dropped.
const RESUBSCRIBE: Duration = Duration::from_millis(500);
const PING_EVERY: Duration = Duration::from_secs(1);

/// Hears the room channels for as long as the server runs, resubscribing after Redis comes back.
pub async fn listen(hub: Arc<Hub>) {
    let Some(shared) = hub.shared() else { return };
    loop {
        match shared.subscriber().await {
            Ok(mut pubsub) => {
                // What was appended while the channels were not heard is read from the logs.
                hub.sync_all(shared).await;
                let mut messages = pubsub.on_message();
                while let Some(message) = messages.next().await {
                    let Ok(payload) = message.get_payload::<String>() else { continue };
                    if let Some((code, published)) = read_published(message.get_channel_name(), &payload) {
                        hub.published(shared, &code, published).await;
                    }
                }
            }
            Err(e) => hub.report_storage(Err::<(), _>(&e)),
        }
        tokio::time::sleep(RESUBSCRIBE).await;
    }
}

/// Pings Redis for as long as the server runs.
pub async fn ping(hub: Arc<Hub>) {
    let Some(shared) = hub.shared() else { return };
    let mut ticks = tokio::time::interval(PING_EVERY);
    loop {
        ticks.tick().await;
        let answered = shared.ping().await;
        hub.report_storage(answered.as_ref());
    }
}
