//! `forbund serve`: binds 127.0.0.1, prints the address and serves the
//! local web page ([`forbund::web`]) until Ctrl+C.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use anyhow::{Context, Result};
use forbund::web::{Config, router};

use super::Outcome;
use super::generate::source_date;

/// Arguments of `forbund serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Port to listen on at 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Open the page in the default web browser
    #[arg(long)]
    open: bool,
}

/// Serves until interrupted.
pub fn run(args: &Args) -> Result<Outcome> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("kan inte starta servern")?;
    runtime.block_on(serve(args))?;
    Ok(Outcome::Success)
}

async fn serve(args: &Args) -> Result<()> {
    let wanted = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let listener = tokio::net::TcpListener::bind(wanted)
        .await
        .with_context(|| {
            format!("kan inte lyssna på {wanted} (används porten redan? välj en annan med --port)")
        })?;
    let address = listener
        .local_addr()
        .context("kan inte läsa serverns adress")?;
    let config = Config {
        date: source_date()?,
        log: Some(Arc::new(|line: &str| super::note(line))),
        ..Config::new(address.port())
    };
    std::thread::spawn(forbund::web::preview::warm_up);
    let url = format!("http://{address}/");
    super::print(&format!("forbund serve: {url} (avsluta med Ctrl+C)\n"))?;
    if args.open {
        open_browser(&url);
    }
    axum::serve(listener, router(config))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("servern stannade")?;
    Ok(())
}

/// Asks the desktop to open `url`; failing that, the user opens it.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        super::note(&format!("kunde inte öppna webbläsaren; öppna {url} själv"));
    }
}
