//! A real nginx (Debian's) on a free loopback port, running the repository's
//! own configuration (`crates/server/deploy/nginx.conf`) with the test's
//! instances, site folder and port put in, under a prefix folder of its own.

use super::common::{free_port, installed, scratch_dir, Endpoint};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const BINARY: &str = "nginx";
const CONFIG: &str = include_str!("../../deploy/nginx.conf");
const START_WITHIN: Duration = Duration::from_secs(10);

pub struct Nginx {
    child: Child,
    prefix: PathBuf,
    pub endpoint: Endpoint,
}

/// `text` with `from` replaced by `to`, which must be there (the test follows the file).
fn put(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "deploy/nginx.conf no longer has {from:?}");
    text.replacen(from, to, 1)
}

impl Nginx {
    /// nginx in front of `instances`, serving `site`; `None` (said on stderr)
    /// where nginx is not installed, except in CI (`CI=true`), where that fails.
    pub fn start(site: &Path, instances: [&str; 2]) -> Option<Nginx> {
        if !installed(BINARY, "-v") {
            return None;
        }
        let port = free_port();
        let prefix = scratch_dir("nginx", port);
        let mut site_conf = put(CONFIG, "server 10.0.0.11:8080", &format!("server {}", instances[0]));
        site_conf = put(&site_conf, "server 10.0.0.12:8080", &format!("server {}", instances[1]));
        site_conf = put(&site_conf, "listen 80;", &format!("listen 127.0.0.1:{port};"));
        site_conf = put(&site_conf, "root /srv/scamspot/dist;", &format!("root {};", site.display()));
        std::fs::write(prefix.join("scamspot.conf"), site_conf).unwrap();
        // What Debian's /etc/nginx/nginx.conf gives the snippet, with every path in the prefix.
        let main = format!(
            "worker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\nevents {{ worker_connections 512; }}\n\
             http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path {p}/body;\n  \
             proxy_temp_path {p}/proxy;\n  fastcgi_temp_path {p}/fastcgi;\n  uwsgi_temp_path {p}/uwsgi;\n  \
             scgi_temp_path {p}/scgi;\n  include {p}/scamspot.conf;\n}}\n",
            p = prefix.display()
        );
        std::fs::write(prefix.join("nginx.conf"), main).unwrap();
        let child = Command::new(BINARY)
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(prefix.join("nginx.conf"))
            .args(["-e", "stderr", "-g", "daemon off;"])
            .spawn()
            .expect("nginx starts");
        let endpoint = Endpoint { address: format!("127.0.0.1:{port}") };
        let deadline = Instant::now() + START_WITHIN;
        while std::net::TcpStream::connect(&endpoint.address).is_err() {
            assert!(Instant::now() < deadline, "nginx did not listen on {}", endpoint.address);
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(Nginx { child, prefix, endpoint })
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // To the master, which stops its worker (a killed master would leave the worker serving).
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}
