//! Layers and the functions that use them: runtimes a layer lists that
//! Lambda does not know (E0204), how many layers a function takes (E0234),
//! whether each layer says it works with the function's runtime and
//! architecture (E0235), and none on a container image (E0236).

use super::runtimes::{self, Date};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::*;

/// The most layers a function runs with (a Lambda quota that cannot be
/// raised).
pub const MAX_LAYERS: usize = 5;

/// Runs the checks.
pub fn check(model: &Model, today: Date, diags: &mut Vec<Diagnostic>) {
    // A layer may list a deprecated runtime (functions still run on it):
    // only a name Lambda does not know is wrong.
    for rt in model.layers.iter().flat_map(|l| &l.runtimes) {
        if runtimes::lookup(&rt.value).is_some() {
            continue;
        }
        let help = match runtimes::suggest(&rt.value, today) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "use a Lambda runtime identifier such as \"python3.13\" or \"nodejs24.x\""
                .to_string(),
        };
        diags.push(
            Diagnostic::new(
                Code::E0204,
                rt.span,
                format!("unknown runtime `{}`", rt.value),
            )
            .label("not a Lambda runtime")
            .help(help),
        );
    }
    for f in &model.functions {
        if f.layers.is_empty() {
            continue;
        }
        if let Package::Image(image) = &f.package {
            // The image carries everything the function runs: Lambda
            // rejects layers beside it.
            diags.push(
                Diagnostic::new(
                    Code::E0236,
                    f.layers[0].span,
                    format!("function `{}` runs a container image and cannot use layers", f.name),
                )
                .label("layers here")
                .with(image.span, "the container image")
                .help("remove `layers` and copy the layers' content into the image (`COPY` into `/opt` in the Dockerfile)"),
            );
            continue;
        }
        if f.layers.len() > MAX_LAYERS {
            let extra = &f.layers[MAX_LAYERS];
            diags.push(
                Diagnostic::new(
                    Code::E0234,
                    extra.span,
                    format!(
                        "function `{}` uses {} layers; Lambda takes at most {MAX_LAYERS}",
                        f.name,
                        f.layers.len()
                    ),
                )
                .label(format!("layer {} of at most {MAX_LAYERS}", MAX_LAYERS + 1))
                .help("merge layers into one (a layer is a folder extracted into `/opt`), or package the code with the function"),
            );
        }
        for r in &f.layers {
            let Some(layer) = model.layer(&r.name) else {
                continue;
            };
            compatible(f, layer, r, diags);
        }
    }
}

/// E0235: a layer that lists its compatible runtimes or architectures
/// lists neither the function's runtime nor its architecture. Lambda
/// itself does not refuse it, but the layer's code (native libraries, a
/// Python version's packages) does not run there.
fn compatible(f: &Function, layer: &Layer, r: &Ref, diags: &mut Vec<Diagnostic>) {
    if let Some(runtime) = f.runtime() {
        let listed = !layer.runtimes.is_empty() && !runtime.value.is_empty();
        if listed && !layer.runtimes.iter().any(|x| x.value == runtime.value) {
            let names: Vec<String> = layer
                .runtimes
                .iter()
                .map(|x| format!("`{}`", x.value))
                .collect();
            diags.push(
                Diagnostic::new(
                    Code::E0235,
                    r.span,
                    format!(
                        "layer `{}` is not compatible with runtime `{}` of function `{}`",
                        layer.name, runtime.value, f.name
                    ),
                )
                .label(format!("built for {}", names.join(", ")))
                .with(layer.runtimes[0].span, "the layer's runtimes")
                .with(runtime.span, "the function's runtime")
                .help(format!(
                    "build the layer for `{}` and add it to its `runtimes`, or use a layer built for this runtime",
                    runtime.value
                )),
            );
        }
    }
    if !layer.architectures.is_empty() && !layer.architectures.iter().any(|a| a.value == f.arch) {
        let names: Vec<String> = layer
            .architectures
            .iter()
            .map(|a| format!("`{}`", arch_name(a.value)))
            .collect();
        diags.push(
            Diagnostic::new(
                Code::E0235,
                r.span,
                format!(
                    "layer `{}` is not compatible with architecture `{}` of function `{}`",
                    layer.name,
                    arch_name(f.arch),
                    f.name
                ),
            )
            .label(format!("built for {}", names.join(", ")))
            .with(layer.architectures[0].span, "the layer's architectures")
            .help(format!(
                "build the layer for `{0}` and add it to its `architectures`, or set the function's `architecture` to one the layer lists",
                arch_name(f.arch)
            )),
        );
    }
}

/// An architecture as the spec writes it.
fn arch_name(a: Arch) -> &'static str {
    match a {
        Arch::X86 => "x86_64",
        Arch::Arm => "arm64",
    }
}
