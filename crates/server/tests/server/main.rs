//! The server end to end: a real server process on a loopback port, real
//! WebSocket clients. One test binary, so the helpers in `common` are shared.

mod campaign;
mod common;
mod crowd;
mod crowd_shared;
mod lecture;
mod nginx_server;
mod redis;
mod redis_server;
