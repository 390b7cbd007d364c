// How the store turns values without a column type into bytes, for every backend alike.
//
// Signature blob (little-endian, the byte order of every machine we build for):
//   u32 format (1) | u64 exact | u32 num_words | u32 num_shingles | u32 n | n x u32 minhash |
//   u32 m | m x u64 shingles
// List columns (removed, authors, credits) are JSON text, readable with any SQLite shell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/dedup.h"

namespace crosscheck::store {

std::string encode_signature(const dedup::Signature& sig);
// False when the blob is truncated or of an unknown format.
bool decode_signature(std::string_view blob, dedup::Signature* sig);

std::string encode_removed(const std::vector<Removed>& removed);
bool decode_removed(std::string_view json, std::vector<Removed>* removed);

std::string encode_strings(const std::vector<std::string>& items);
bool decode_strings(std::string_view json, std::vector<std::string>* items);

}  // namespace crosscheck::store
