#include "common/numbers.h"
#include "chuangwen/weights.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace chuangwen {
namespace {

// Saaty's random consistency index for n = 1..15.
constexpr double kRandomIndex[] = {0,    0,    0,    0.58, 0.90, 1.12,
                                   1.24, 1.32, 1.41, 1.45, 1.49, 1.51,
                                   1.48, 1.56, 1.57, 1.59};

std::string Num(double v) { return internal::FormatGeneral(v, 4); }

std::string Cell(size_t i, size_t j) {
  return "matrix[" + std::to_string(i) + "][" + std::to_string(j) + "]";
}

}  // namespace

Status AhpWeights(const std::vector<double>& a, size_t n, bool force,
                  AhpResult* out) {
  if (n == 0)
    return Status::InvalidArgument("AHP needs at least one criterion");
  if (n > 15)
    return Status::InvalidArgument("AHP supports at most 15 criteria, not " +
                                   std::to_string(n));
  if (a.size() != n * n) {
    return Status::InvalidArgument(
        "AHP matrix has " + std::to_string(a.size()) + " entries, expected " +
        std::to_string(n * n));
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      double v = a[i * n + j];
      if (!std::isfinite(v) || v <= 0) {
        return Status::InvalidArgument(Cell(i, j) + " " + Num(v) +
                                       " must be positive");
      }
      if (i == j && std::fabs(v - 1) > 1e-9) {
        return Status::InvalidArgument(Cell(i, j) + " is " + Num(v) +
                                       ", the diagonal must be 1");
      }
      if (std::fabs(v * a[j * n + i] - 1) > 1e-6) {
        return Status::InvalidArgument(Cell(j, i) + " " + Num(a[j * n + i]) +
                                       " is not the reciprocal of " +
                                       Cell(i, j) + " " + Num(v));
      }
    }
  }
  // Power iteration for the principal eigenvector.
  std::vector<double> w(n, 1.0 / static_cast<double>(n)), next(n);
  for (int iter = 0; iter < 1000; ++iter) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      double s = 0;
      for (size_t j = 0; j < n; ++j) s += a[i * n + j] * w[j];
      next[i] = s;
      sum += s;
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      next[i] /= sum;
      change = std::max(change, std::fabs(next[i] - w[i]));
    }
    w.swap(next);
    if (change < 1e-14) break;
  }
  double lambda = 0;
  for (size_t i = 0; i < n; ++i) {
    double s = 0;
    for (size_t j = 0; j < n; ++j) s += a[i * n + j] * w[j];
    lambda += s / w[i];
  }
  lambda /= static_cast<double>(n);
  AhpResult r;
  r.weights = w;
  r.lambda_max = lambda;
  r.consistency_index =
      n > 1 ? (lambda - static_cast<double>(n)) / static_cast<double>(n - 1)
            : 0;
  if (r.consistency_index < 0) r.consistency_index = 0;  // Rounding below n.
  r.consistency_ratio =
      kRandomIndex[n] > 0 ? r.consistency_index / kRandomIndex[n] : 0;
  if (r.consistency_ratio >= 0.1 && !force) {
    return Status::InvalidArgument(
        "AHP matrix is inconsistent: consistency ratio " +
        Num(r.consistency_ratio) +
        " >= 0.1 (revise the comparisons, or force)");
  }
  *out = std::move(r);
  return Status::OK();
}

Status EntropyWeights(const double* data, size_t units, size_t indicators,
                      std::vector<double>* out) {
  if (indicators == 0) {
    out->clear();
    return Status::OK();
  }
  if (units < 2)
    return Status::InvalidArgument("the entropy method needs at least 2 units");
  std::vector<double> column_sum(indicators, 0.0);
  for (size_t i = 0; i < units; ++i) {
    for (size_t j = 0; j < indicators; ++j) {
      double v = data[i * indicators + j];
      if (!std::isfinite(v) || v < 0) {
        return Status::InvalidArgument(
            "unit " + std::to_string(i) + ", indicator " + std::to_string(j) +
            ": value " + Num(v) + " must be finite and >= 0");
      }
      column_sum[j] += v;
    }
  }
  const double k = 1.0 / std::log(static_cast<double>(units));
  std::vector<double> divergence(indicators, 0.0);
  double total = 0;
  for (size_t j = 0; j < indicators; ++j) {
    if (column_sum[j] <= 0) continue;  // All zero: no information.
    double e = 0;
    for (size_t i = 0; i < units; ++i) {
      double p = data[i * indicators + j] / column_sum[j];
      if (p > 0) e -= p * std::log(p);
    }
    e *= k;
    divergence[j] = std::max(0.0, 1.0 - e);
    total += divergence[j];
  }
  out->assign(indicators, 1.0 / static_cast<double>(indicators));
  if (total <= 1e-15) return Status::OK();
  for (size_t j = 0; j < indicators; ++j) (*out)[j] = divergence[j] / total;
  return Status::OK();
}

}  // namespace chuangwen
