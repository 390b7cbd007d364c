#include "src/ingest/mapped_file.h"

#include <sys/mman.h>

namespace crosscheck::ingest {

MappedFile::MappedFile(int fd, size_t size) {
  if (size == 0) return;
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return;
  ::madvise(p, size, MADV_SEQUENTIAL);  // read front to back: read ahead, drop behind
  data_ = p;
  size_ = size;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

}  // namespace crosscheck::ingest
