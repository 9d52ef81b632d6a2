// Uses the C++ core through the installed static library.
#include <chuangwen/campaign.h>
#include <chuangwen/responsibility_query.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::shared_ptr<const chuangwen::Campaign> campaign;
  chuangwen::Status s = chuangwen::Campaign::LoadFile(argv[1], &campaign);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  chuangwen::v1::PartyTasks tasks;
  s = chuangwen::QueryUnitTasks(*campaign, "srk", false, &tasks);
  if (!s.ok()) return 1;
  std::cout << tasks.party().name() << ": " << tasks.counts().total()
            << " tasks\n";
  return tasks.counts().total() == 5 ? 0 : 1;
}
