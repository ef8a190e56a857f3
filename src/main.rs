//! The web entry point: Trunk builds this for wasm32 and mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    avi_sizer::ui::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app: build it with `trunk build` or `trunk serve`.");
    eprintln!("The command-line tool is `sizer`: cargo run --release --bin sizer -- plan SCENARIO.json");
    std::process::exit(2);
}
