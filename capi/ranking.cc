// The ranking fast path, the incremental index and the library's threads.
#include "chuangwen/ranking.h"

#include <memory>
#include <string>

#include "capi_internal.h"
#include "chuangwen/rank_index.h"

struct cw_rank_index {
  std::unique_ptr<chuangwen::RankIndex> rep;
};

struct cw_rank_workspace {
  chuangwen::RankWorkspace rep;
  int threads = 0;             // 0: the process-wide default.
  int spin_microseconds = -1;  // -1: the process-wide default.
};

namespace {

using chuangwen::Status;
using chuangwen::capi::Required;
using chuangwen::capi::Run;

Status CheckThreads(int threads, int spin_microseconds) {
  if (threads < 0)
    return Status::InvalidArgument("threads " + std::to_string(threads) +
                                   " is negative");
  if (spin_microseconds < -1)
    return Status::InvalidArgument("spin_microseconds " +
                                   std::to_string(spin_microseconds) +
                                   " is below -1");
  return Status::OK();
}

}  // namespace

extern "C" {

int cw_threads_configure(int threads, int spin_microseconds) {
  return Run([&] {
    return chuangwen::SetDefaultRankThreads(threads, spin_microseconds);
  });
}

int cw_rank_workspace_new(cw_rank_workspace** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    *out = new cw_rank_workspace;
    return Status::OK();
  });
}

void cw_rank_workspace_free(cw_rank_workspace* workspace) { delete workspace; }

int cw_rank_workspace_set_threads(cw_rank_workspace* workspace, int threads,
                                  int spin_microseconds) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(workspace, "workspace"));
    CW_RETURN_IF_ERROR(CheckThreads(threads, spin_microseconds));
    workspace->threads = threads;
    workspace->spin_microseconds = spin_microseconds;
    return Status::OK();
  });
}

int cw_rank_arrays(const double* scores, size_t units, size_t indicators,
                   const double* weights, const uint8_t* vetoed,
                   const int32_t* groups, int ties, int flags,
                   int32_t* out_rank, int32_t* out_group_rank,
                   double* out_composite) {
  return cw_rank_arrays_in(nullptr, scores, units, indicators, weights, vetoed,
                           groups, ties, flags, out_rank, out_group_rank,
                           out_composite);
}

int cw_rank_arrays_in(cw_rank_workspace* workspace, const double* scores,
                      size_t units, size_t indicators, const double* weights,
                      const uint8_t* vetoed, const int32_t* groups, int ties,
                      int flags, int32_t* out_rank, int32_t* out_group_rank,
                      double* out_composite) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out_rank, "out_rank"));
    if (units > 0 && indicators > 0)
      CW_RETURN_IF_ERROR(Required(scores, "scores"));
    if (indicators > 0) CW_RETURN_IF_ERROR(Required(weights, "weights"));
    if (out_group_rank != nullptr && groups == nullptr)
      return Status::InvalidArgument("out_group_rank needs groups");
    if (ties < CW_TIES_COMPETITION || ties > CW_TIES_ORDINAL) {
      return Status::InvalidArgument(
          "ties " + std::to_string(ties) +
          " is not CW_TIES_COMPETITION, CW_TIES_DENSE or CW_TIES_ORDINAL");
    }
    if ((flags & ~CW_RANK_NORMALIZE_WEIGHTS) != 0)
      return Status::InvalidArgument("unknown flags " + std::to_string(flags));
    chuangwen::RankOptions options;
    options.ties = static_cast<chuangwen::TieMode>(ties);
    options.normalize_weights = (flags & CW_RANK_NORMALIZE_WEIGHTS) != 0;
    if (workspace != nullptr) {
      options.threads = workspace->threads;
      options.spin_microseconds = workspace->spin_microseconds;
    }
    return chuangwen::RankArrays(
        chuangwen::RankInput{scores, units, indicators, weights, vetoed,
                             groups},
        options, chuangwen::RankOutput{out_rank, out_group_rank, out_composite},
        workspace != nullptr ? &workspace->rep : nullptr);
  });
}

int cw_rank_index_new(const double* composite, size_t units,
                      const uint8_t* vetoed, const int32_t* groups,
                      cw_rank_index** out) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(out, "out"));
    if (units > 0) CW_RETURN_IF_ERROR(Required(composite, "composite"));
    std::unique_ptr<chuangwen::RankIndex> index;
    CW_RETURN_IF_ERROR(
        chuangwen::RankIndex::Build(composite, units, vetoed, groups, &index));
    *out = new cw_rank_index{std::move(index)};
    return Status::OK();
  });
}

void cw_rank_index_free(cw_rank_index* index) { delete index; }

int cw_rank_index_update(cw_rank_index* index, size_t unit, double composite,
                         int32_t* out_rank, int32_t* out_group_rank) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(index, "index"));
    return index->rep->Update(unit, composite, out_rank, out_group_rank);
  });
}

int cw_rank_index_rank(const cw_rank_index* index, size_t unit,
                       int32_t* out_rank, int32_t* out_group_rank) {
  return Run([&]() -> Status {
    CW_RETURN_IF_ERROR(Required(index, "index"));
    if (unit >= index->rep->units()) {
      return Status::NotFound("unit " + std::to_string(unit) +
                              " is out of range (" +
                              std::to_string(index->rep->units()) + " units)");
    }
    if (out_rank != nullptr) *out_rank = index->rep->Rank(unit);
    if (out_group_rank != nullptr)
      *out_group_rank = index->rep->GroupRank(unit);
    return Status::OK();
  });
}

}  // extern "C"
