#include "src/entities/gzip_file.h"

#include <zlib.h>

#include <algorithm>

namespace crosscheck::entities {

Status read_file_maybe_gzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Status::error("cannot open " + path);
  out->clear();
  std::string buf(1 << 16, '\0');
  int n;
  while ((n = gzread(f, buf.data(), unsigned(buf.size()))) > 0) out->append(buf.data(), size_t(n));
  std::string reason;
  if (n < 0) {
    int err = 0;
    const char* message = gzerror(f, &err);
    reason = message ? message : "read error";
  }
  gzclose(f);
  if (n < 0) return Status::error("cannot read " + path + ": " + reason);
  return Status::ok();
}

Status write_gzip_file(const std::string& path, std::string_view bytes) {
  gzFile f = gzopen(path.c_str(), "wb9");
  if (!f) return Status::error("cannot write " + path);
  size_t done = 0;
  while (done < bytes.size()) {
    unsigned chunk = unsigned(std::min<size_t>(bytes.size() - done, 1u << 30));
    int n = gzwrite(f, bytes.data() + done, chunk);
    if (n <= 0) {
      gzclose(f);
      return Status::error("cannot write " + path);
    }
    done += size_t(n);
  }
  if (gzclose(f) != Z_OK) return Status::error("cannot write " + path);
  return Status::ok();
}

}  // namespace crosscheck::entities
