#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace cw {

bool ShowsProgress() { return isatty(fileno(stderr)) != 0; }

namespace {

bool line_drawn = false;  // Progress is on stderr's current line.

// Clears the line the progress was drawn on.
void ClearLine() {
  if (!line_drawn) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  line_drawn = false;
}

std::string Size(size_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20))
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  else
    std::snprintf(buf, sizeof buf, "%zu kB", bytes >> 10);
  return buf;
}

}  // namespace

void ClearProgress() { ClearLine(); }

ProgressBar::ProgressBar(std::string what, size_t total)
    : what_(std::move(what)),
      total_(total),
      on_(total > 1 && ShowsProgress()) {}

ProgressBar::~ProgressBar() { ClearLine(); }

void ProgressBar::Step() {
  ++done_;
  if (!on_) return;
  const int width = 30;
  const int filled = static_cast<int>(width * done_ / total_);
  std::string bar;
  for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
  std::fprintf(stderr, "\r%s %s %zu/%zu", what_.c_str(), bar.c_str(), done_,
               total_);
  line_drawn = done_ < total_;
  if (done_ == total_) std::fprintf(stderr, "\n");
  std::fflush(stderr);
}

Stage::Stage(const std::string& text) : on_(ShowsProgress()) { Next(text); }

Stage::~Stage() { ClearLine(); }

void Stage::Next(const std::string& text) {
  if (!on_) return;
  std::fprintf(stderr, "\r\033[K%s…", text.c_str());
  std::fflush(stderr);
  line_drawn = true;
}

CountingBuf::CountingBuf(std::streambuf* inner, std::string what, size_t total)
    : inner_(inner),
      what_(std::move(what)),
      total_(total),
      on_(ShowsProgress()) {}

CountingBuf::~CountingBuf() { ClearLine(); }

void CountingBuf::Count(std::streamsize n) {
  if (n <= 0) return;
  bytes_ += static_cast<size_t>(n);
  if (!on_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - shown_ < std::chrono::milliseconds(100)) return;
  shown_ = now;
  if (total_ > 0) {
    std::fprintf(
        stderr, "\r\033[K%s %s of %s (%.0f%%)", what_.c_str(),
        Size(bytes_).c_str(), Size(total_).c_str(),
        100.0 * static_cast<double>(bytes_) / static_cast<double>(total_));
  } else {
    std::fprintf(stderr, "\r\033[K%s %s", what_.c_str(), Size(bytes_).c_str());
  }
  std::fflush(stderr);
  line_drawn = true;
}

CountingBuf::int_type CountingBuf::underflow() { return inner_->sgetc(); }

CountingBuf::int_type CountingBuf::uflow() {
  const int_type c = inner_->sbumpc();
  if (!traits_type::eq_int_type(c, traits_type::eof())) Count(1);
  return c;
}

std::streamsize CountingBuf::xsgetn(char* s, std::streamsize n) {
  const std::streamsize got = inner_->sgetn(s, n);
  Count(got);
  return got;
}

CountingBuf::int_type CountingBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return c;
  const int_type put = inner_->sputc(traits_type::to_char_type(c));
  if (!traits_type::eq_int_type(put, traits_type::eof())) Count(1);
  return put;
}

std::streamsize CountingBuf::xsputn(const char* s, std::streamsize n) {
  const std::streamsize put = inner_->sputn(s, n);
  Count(put);
  return put;
}

int CountingBuf::sync() { return inner_->pubsync(); }

}  // namespace cw
