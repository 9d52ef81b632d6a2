/* The C baseline for the bindings' call overhead: a small query and a
 * ranking of 10^6 units × 20 indicators in a kept workspace, through the
 * shared library as the bindings call it. Prints one line per measurement:
 * "<name> <median ns per call>".
 * usage: overhead EXAMPLE.textproto */
#include <chuangwen/cw.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define UNITS 1000000
#define INDICATORS 20

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, by_value);
  return v[n / 2];
}

int main(int argc, char **argv) {
  cw_campaign *campaign = NULL;
  double samples[31];
  int i, s;
  if (argc != 2 || cw_campaign_load_file(argv[1], CW_FORMAT_AUTO, &campaign) != CW_OK) {
    fprintf(stderr, "usage: overhead EXAMPLE.textproto (%s)\n", cw_last_error_message());
    return 2;
  }
  /* A small query: its answer encoded, handed over and freed. */
  for (s = 0; s < 31; ++s) {
    double t0 = now_ns();
    for (i = 0; i < 2000; ++i) {
      uint8_t *out = NULL;
      size_t size = 0;
      if (cw_campaign_task_parties(campaign, "1.1", CW_FORMAT_BINARY, &out, &size) != CW_OK)
        return 1;
      cw_free(out);
    }
    samples[s] = (now_ns() - t0) / 2000;
  }
  printf("small_query %.0f\n", median(samples, 31));

  {
    double *scores = malloc(sizeof(double) * UNITS * INDICATORS);
    double weights[INDICATORS];
    int32_t *rank = malloc(sizeof(int32_t) * UNITS);
    double *composite = malloc(sizeof(double) * UNITS);
    cw_rank_workspace *ws = NULL;
    unsigned x = 12345;
    size_t k;
    for (k = 0; k < (size_t)UNITS * INDICATORS; ++k) {
      x = x * 1103515245u + 12345u;
      scores[k] = (double)((x >> 8) % 10001) / 100.0;
    }
    for (k = 0; k < INDICATORS; ++k) weights[k] = 1.0 / INDICATORS;
    cw_rank_workspace_new(&ws);
    for (s = 0; s < 11; ++s) {
      double t0 = now_ns();
      if (cw_rank_arrays_in(ws, scores, UNITS, INDICATORS, weights, NULL, NULL,
                            CW_TIES_COMPETITION, CW_RANK_NORMALIZE_WEIGHTS, rank, NULL,
                            composite) != CW_OK) {
        fprintf(stderr, "%s\n", cw_last_error_message());
        return 1;
      }
      samples[s] = now_ns() - t0;
    }
    printf("rank_1e6x20 %.0f\n", median(samples, 11));
    cw_rank_workspace_free(ws);
    free(scores);
    free(rank);
    free(composite);
  }
  cw_campaign_free(campaign);
  return 0;
}
