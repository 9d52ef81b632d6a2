// cw: the chuangwen command-line tool. One subcommand per file (cmd_*.cc);
// commands.cc holds the table that parses and documents them.
#include <cstdio>
#include <exception>

#include "commands.h"

int main(int argc, char** argv) {
  try {
    return cw::Dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cw: internal error: %s\n", e.what());
    return cw::kExitInternal;
  }
}
