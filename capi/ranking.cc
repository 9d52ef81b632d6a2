// The ranking fast path and the incremental index.
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
};

namespace {
using chuangwen::Status;
using chuangwen::capi::Fail;
using chuangwen::capi::Guard;
}  // namespace

extern "C" {

int cw_rank_workspace_new(cw_rank_workspace** out) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    *out = new cw_rank_workspace;
    return CW_OK;
  });
}

void cw_rank_workspace_free(cw_rank_workspace* workspace) { delete workspace; }

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
  return Guard([&] {
    CW_CAPI_REQUIRE(out_rank, "out_rank");
    if (units > 0 && indicators > 0) CW_CAPI_REQUIRE(scores, "scores");
    if (indicators > 0) CW_CAPI_REQUIRE(weights, "weights");
    if (out_group_rank != nullptr && groups == nullptr) {
      return Fail(CW_EINVALID, "out_group_rank needs groups");
    }
    if (ties < CW_TIES_COMPETITION || ties > CW_TIES_ORDINAL) {
      return Fail(
          CW_EINVALID,
          "ties " + std::to_string(ties) +
              " is not CW_TIES_COMPETITION, CW_TIES_DENSE or CW_TIES_ORDINAL");
    }
    if ((flags & ~CW_RANK_NORMALIZE_WEIGHTS) != 0) {
      return Fail(CW_EINVALID, "unknown flags " + std::to_string(flags));
    }
    chuangwen::RankOptions options;
    options.ties = static_cast<chuangwen::TieMode>(ties);
    options.normalize_weights = (flags & CW_RANK_NORMALIZE_WEIGHTS) != 0;
    Status s = chuangwen::RankArrays(
        chuangwen::RankInput{scores, units, indicators, weights, vetoed,
                             groups},
        options, chuangwen::RankOutput{out_rank, out_group_rank, out_composite},
        workspace != nullptr ? &workspace->rep : nullptr);
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_rank_index_build(cw_rank_index** out, const double* composite,
                        size_t units, const uint8_t* vetoed,
                        const int32_t* groups) {
  return Guard([&] {
    CW_CAPI_REQUIRE(out, "out");
    if (units > 0) CW_CAPI_REQUIRE(composite, "composite");
    std::unique_ptr<chuangwen::RankIndex> index;
    Status s =
        chuangwen::RankIndex::Build(composite, units, vetoed, groups, &index);
    if (!s.ok()) return Fail(s);
    *out = new cw_rank_index{std::move(index)};
    return CW_OK;
  });
}

void cw_rank_index_free(cw_rank_index* index) { delete index; }

int cw_rank_index_update(cw_rank_index* index, size_t unit, double composite,
                         int32_t* out_rank, int32_t* out_group_rank) {
  return Guard([&] {
    CW_CAPI_REQUIRE(index, "index");
    Status s = index->rep->Update(unit, composite, out_rank, out_group_rank);
    return s.ok() ? CW_OK : Fail(s);
  });
}

int cw_rank_index_rank(const cw_rank_index* index, size_t unit,
                       int32_t* out_rank, int32_t* out_group_rank) {
  return Guard([&] {
    CW_CAPI_REQUIRE(index, "index");
    if (unit >= index->rep->units()) {
      return Fail(CW_ENOTFOUND,
                  "unit " + std::to_string(unit) + " is out of range (" +
                      std::to_string(index->rep->units()) + " units)");
    }
    if (out_rank != nullptr) *out_rank = index->rep->Rank(unit);
    if (out_group_rank != nullptr)
      *out_group_rank = index->rep->GroupRank(unit);
    return CW_OK;
  });
}

}  // extern "C"
