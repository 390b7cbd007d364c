#include "src/cluster/article_run.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace crosscheck::cluster {

namespace {

constexpr size_t kBufferBytes = 1 << 20;

// Writes raw bytes; stdio keeps the first error in ferror(), checked once per record.
void put(std::FILE* f, const void* data, size_t n) {
  if (n > 0) std::fwrite(data, 1, n, f);
}

template <typename T>
void put_value(std::FILE* f, T v) {
  put(f, &v, sizeof v);
}

void put_string(std::FILE* f, const std::string& s) {
  put_value<uint64_t>(f, s.size());
  put(f, s.data(), s.size());
}

void put_strings(std::FILE* f, const std::vector<std::string>& items) {
  put_value<uint64_t>(f, items.size());
  for (const std::string& s : items) put_string(f, s);
}

// Reads exactly n bytes; false on a short read.
bool get(std::FILE* f, void* data, size_t n) { return n == 0 || std::fread(data, 1, n, f) == n; }

template <typename T>
bool get_value(std::FILE* f, T* v) {
  return get(f, v, sizeof *v);
}

bool get_string(std::FILE* f, std::string* s) {
  uint64_t n = 0;
  if (!get_value(f, &n)) return false;
  s->resize(n);
  return get(f, s->data(), n);
}

bool get_strings(std::FILE* f, std::vector<std::string>* items) {
  uint64_t n = 0;
  if (!get_value(f, &n)) return false;
  items->resize(n);
  for (std::string& s : *items) {
    if (!get_string(f, &s)) return false;
  }
  return true;
}

std::string reason(const std::string& what, const std::string& directory) {
  return what + " a temporary file in " + directory + ": " + std::strerror(errno);
}

}  // namespace

ArticleRun::~ArticleRun() { close(); }

ArticleRun::ArticleRun(ArticleRun&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      directory_(std::move(other.directory_)),
      records_(std::exchange(other.records_, 0)) {}

ArticleRun& ArticleRun::operator=(ArticleRun&& other) noexcept {
  if (this != &other) {
    close();
    file_ = std::exchange(other.file_, nullptr);
    directory_ = std::move(other.directory_);
    records_ = std::exchange(other.records_, 0);
  }
  return *this;
}

void ArticleRun::close() {
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
}

bool ArticleRun::create(const std::string& directory, std::string* error) {
  close();
  directory_ = directory.empty() ? "." : directory;
  records_ = 0;
  std::string path = directory_ + "/crosscheck-sort-XXXXXX";
  int fd = ::mkstemp(path.data());
  if (fd < 0) {
    *error = reason("could not create", directory_);
    return false;
  }
  ::unlink(path.c_str());  // the descriptor keeps it; nothing is left behind
  file_ = ::fdopen(fd, "w+b");
  if (file_ == nullptr) {
    *error = reason("could not open", directory_);
    ::close(fd);
    return false;
  }
  std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
  return true;
}

bool ArticleRun::write(const KeyedArticle& record, std::string* error) {
  const Article& a = record.article;
  put_value(file_, record.key.day);
  put_value(file_, record.key.seq);
  for (const std::string* s :
       {&a.id, &a.source, &a.url, &a.title, &a.published, &a.language, &a.text, &a.duplicate_of})
    put_string(file_, *s);
  put_value<uint64_t>(file_, a.removed.size());
  for (const Removed& r : a.removed) {
    put_string(file_, r.kind);
    put_string(file_, r.text);
  }
  put_strings(file_, a.authors);
  put_strings(file_, a.credits);
  put_value(file_, a.raw_fingerprint);
  if (std::ferror(file_)) {
    *error = reason("could not write", directory_);
    return false;
  }
  ++records_;
  return true;
}

bool ArticleRun::rewind(std::string* error) {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
    *error = reason("could not write", directory_);
    return false;
  }
  return true;
}

bool ArticleRun::read(KeyedArticle* record, std::string* error) {
  error->clear();
  Article* a = &record->article;
  if (!get_value(file_, &record->key.day)) {
    if (std::ferror(file_)) *error = reason("could not read", directory_);
    return false;
  }
  bool ok = get_value(file_, &record->key.seq);
  for (std::string* s : {&a->id, &a->source, &a->url, &a->title, &a->published, &a->language,
                         &a->text, &a->duplicate_of})
    ok = ok && get_string(file_, s);
  uint64_t removed = 0;
  ok = ok && get_value(file_, &removed);
  if (ok) {
    a->removed.resize(removed);
    for (Removed& r : a->removed)
      ok = ok && get_string(file_, &r.kind) && get_string(file_, &r.text);
  }
  ok = ok && get_strings(file_, &a->authors) && get_strings(file_, &a->credits) &&
       get_value(file_, &a->raw_fingerprint);
  if (!ok) {
    *error = std::ferror(file_) ? reason("could not read", directory_)
                                : "a temporary file in " + directory_ + " ended inside a record";
    return false;
  }
  return true;
}

}  // namespace crosscheck::cluster
