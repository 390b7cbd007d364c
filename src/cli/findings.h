// The human-readable findings of a story (who copied whom, what changed, top claims,
// disagreements), shared by `analyze` and `report` when they print instead of writing JSON.
#pragma once

#include "crosscheck/dossier.h"
#include "crosscheck/story.h"

namespace crosscheck::cli {

void print_findings(const Story& story, const Dossier& dossier);

}  // namespace crosscheck::cli
