// Where shipped model files are found at run time.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::cli {

// The path of models/<name>: $CROSSCHECK_MODEL_DIR, then next to the binary (<bin>/models,
// <bin>/../models, <bin>/../share/crosscheck/models), then ./models — the same search as the
// background DF model (cluster_support.h). Empty when none exists.
std::string find_model(std::string_view name);

}  // namespace crosscheck::cli
