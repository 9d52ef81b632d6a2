// What long work shows on a terminal: a bar over a known number of steps,
// bytes moved through a stream, or the stage it is in. Everything goes to
// stderr, and only when stderr is a terminal: piped or redirected, cw stays
// quiet.
#ifndef CHUANGWEN_TOOLS_CW_PROGRESS_H_
#define CHUANGWEN_TOOLS_CW_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <istream>
#include <ostream>
#include <streambuf>
#include <string>

namespace cw {

// True when stderr is a terminal (progress is shown).
bool ShowsProgress();
// Clears progress drawn on stderr's current line, before a message.
void ClearProgress();

// A bar: "dossiers ██████░░░░ 12/40".
class ProgressBar {
 public:
  ProgressBar(std::string what, size_t total);
  ~ProgressBar();
  void Step();

 private:
  std::string what_;
  size_t total_, done_ = 0;
  bool on_;
};

// "ranking 1000000 units…" until the next stage or Done().
class Stage {
 public:
  explicit Stage(const std::string& text);
  ~Stage();
  void Next(const std::string& text);

 private:
  bool on_;
};

// Counts the bytes that pass through to `inner`, showing them (and the
// share of `total`, when known) at most ten times a second.
class CountingBuf : public std::streambuf {
 public:
  CountingBuf(std::streambuf* inner, std::string what, size_t total);
  ~CountingBuf() override;

 protected:
  int_type underflow() override;
  int_type uflow() override;
  std::streamsize xsgetn(char* s, std::streamsize n) override;
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void Count(std::streamsize n);
  std::streambuf* inner_;
  std::string what_;
  size_t total_, bytes_ = 0;
  bool on_;
  std::chrono::steady_clock::time_point shown_;
};

}  // namespace cw

#endif  // CHUANGWEN_TOOLS_CW_PROGRESS_H_
