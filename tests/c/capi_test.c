/* The C API from plain C99 (compiled with -std=c99 -pedantic -Werror):
 * create, query, errors, ownership and version. Run under the sanitizers in CI.
 * usage: cw_c_api_test EXAMPLE.textproto */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chuangwen/cw.h"

static int failures = 0;

#define CHECK(cond)                                                           \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "%s:%d: check failed: %s (last error: %s)\n", __FILE__, \
              __LINE__, #cond, cw_last_error_message());                      \
      ++failures;                                                             \
    }                                                                         \
  } while (0)

int main(int argc, char **argv) {
  cw_campaign *campaign = NULL;
  uint8_t *out = NULL;
  size_t size = 0;
  size_t problems = 99;

  if (argc != 2) {
    fprintf(stderr, "usage: %s EXAMPLE.textproto\n", argv[0]);
    return 2;
  }

  CHECK(strcmp(cw_version(), CW_VERSION) == 0);
  CHECK(cw_version_number() == CW_VERSION_NUMBER);
  CHECK(strcmp(cw_last_error_message(), "") == 0);
  {
    int major = -1, minor = -1, patch = -1;
    cw_version_parts(&major, &minor, &patch);
    CHECK(major == CW_VERSION_MAJOR && minor == CW_VERSION_MINOR &&
          patch == CW_VERSION_PATCH);
    cw_version_parts(NULL, NULL, NULL);
    CHECK(CW_VERSION_CHECK(0, 0, 0));
    CHECK(
        CW_VERSION_CHECK(CW_VERSION_MAJOR, CW_VERSION_MINOR, CW_VERSION_PATCH));
    CHECK(!CW_VERSION_CHECK(CW_VERSION_MAJOR + 1, 0, 0));
    CHECK(cw_threads_configure(-1, 0) == CW_EINVALID);
    CHECK(cw_threads_configure(1, -2) == CW_EINVALID);
    CHECK(cw_threads_configure(1, 0) == CW_OK);
    CHECK(cw_threads_configure(0, -1) == CW_OK);
  }

  CHECK(cw_campaign_load_file(argv[1], CW_FORMAT_AUTO, &campaign) == CW_OK);
  if (campaign == NULL) return 1;

  CHECK(cw_campaign_problem_count(campaign, &problems) == CW_OK);
  CHECK(problems == 0);

  CHECK(cw_campaign_unit_tasks(campaign, "zfdd", 1, CW_FORMAT_JSON, &out,
                               &size) == CW_OK);
  CHECK(out != NULL && strlen((const char *)out) == size);
  CHECK(out != NULL &&
        strstr((const char *)out, "\"via_unit_id\":\"zfdd1\"") != NULL);
  cw_free(out);
  out = NULL;

  CHECK(cw_campaign_task_parties(campaign, "9.9", CW_FORMAT_JSON, &out,
                                 &size) == CW_ENOTFOUND);
  CHECK(out == NULL);
  CHECK(cw_last_error_code() == CW_ENOTFOUND);
  CHECK(strcmp(cw_last_error_message(), "task '9.9' does not exist") == 0);
  CHECK(strcmp(cw_status_str(CW_ENOTFOUND), "not found") == 0);

  /* Save as JSON, load it back, and compare binary encodings. */
  CHECK(cw_campaign_save(campaign, CW_FORMAT_JSON, &out, &size) == CW_OK);
  {
    cw_campaign *again = NULL;
    uint8_t *a = NULL, *b = NULL;
    size_t a_size = 0, b_size = 0;
    CHECK(cw_campaign_load(out, size, CW_FORMAT_JSON, &again) == CW_OK);
    CHECK(cw_campaign_save(campaign, CW_FORMAT_BINARY, &a, &a_size) == CW_OK);
    CHECK(cw_campaign_save(again, CW_FORMAT_BINARY, &b, &b_size) == CW_OK);
    CHECK(a_size == b_size && a != NULL && b != NULL &&
          memcmp(a, b, a_size) == 0);
    cw_free(a);
    cw_free(b);
    cw_campaign_free(again);
  }
  cw_free(out);

  /* Malformed input: a code, a message, no handle. */
  {
    const char *bad = "units { id: \"a\" nmae: \"b\" }";
    cw_campaign *none = NULL;
    CHECK(cw_campaign_load((const uint8_t *)bad, strlen(bad), CW_FORMAT_TEXT,
                           &none) == CW_EPARSE);
    CHECK(none == NULL);
    CHECK(strstr(cw_last_error_message(), "nmae") != NULL);
  }

  /* Working days and the agenda. */
  {
    char date[CW_DATE_SIZE];
    int working = -1, used = -1, count = 0;
    const char *request =
        "from: \"2025-04-01\" to: \"2025-04-30\" unit_id: \"srk\"";
    CHECK(cw_calendar_is_working_day(NULL, "2024-02-12", 0, &working, &used) ==
          CW_OK);
    CHECK(working == 0 && used == 0);
    CHECK(cw_calendar_add_working_days(campaign, "2024-02-08", 2, 0, date,
                                       NULL) == CW_OK);
    CHECK(strcmp(date, "2024-02-18") == 0);
    CHECK(cw_calendar_count_working_days(NULL, "2024-02-01", "2024-02-29", 0,
                                         &count, NULL) == CW_OK);
    CHECK(count == 18);
    CHECK(cw_campaign_agenda(campaign, (const uint8_t *)request,
                             strlen(request), CW_FORMAT_TEXT, CW_FORMAT_JSON,
                             &out, &size) == CW_OK);
    CHECK(out != NULL && strstr((const char *)out, "2025-04-18") != NULL);
    cw_free(out);
    out = NULL;
  }

  /* The ranking fast path. */
  {
    const double scores[] = {60, 70, 80, 80};
    const double weights[] = {1.0};
    int32_t rank[4];
    CHECK(cw_rank_arrays(scores, 4, 1, weights, NULL, NULL, CW_TIES_COMPETITION,
                         0, rank, NULL, NULL) == CW_OK);
    CHECK(rank[0] == 4 && rank[1] == 3 && rank[2] == 1 && rank[3] == 1);
    /* Again in a workspace kept between rankings, with dense ties. */
    cw_rank_workspace *workspace = NULL;
    CHECK(cw_rank_workspace_new(&workspace) == CW_OK && workspace != NULL);
    CHECK(cw_rank_arrays_in(workspace, scores, 4, 1, weights, NULL, NULL,
                            CW_TIES_DENSE, 0, rank, NULL, NULL) == CW_OK);
    CHECK(rank[0] == 3 && rank[1] == 2 && rank[2] == 1 && rank[3] == 1);
    CHECK(cw_rank_arrays_in(workspace, scores, 4, 1, weights, NULL, NULL, 7, 0,
                            rank, NULL, NULL) == CW_EINVALID);
    cw_rank_workspace_free(workspace);
    cw_rank_workspace_free(NULL);
  }

  /* The supervision ledger, in memory: a notice, then a refused action. */
  {
    cw_ledger *ledger = NULL;
    const char *notice =
        "events { id: \"c1\" item_id: \"c-1\" actor: \"xul\" "
        "at: \"2025-09-25T02:00:00Z\" issue { unit_id: \"srk\" "
        "working_days: 5 findings { id: \"f\" category: \"占道经营\" } } }";
    const char *verify =
        "events { id: \"c2\" item_id: \"c-1\" actor: \"chensq\" "
        "at: \"2025-09-26T02:00:00Z\" verify {} }";
    CHECK(cw_ledger_new(campaign, NULL, &ledger) == CW_OK);
    CHECK(cw_ledger_append(ledger, (const uint8_t *)notice, strlen(notice),
                           CW_FORMAT_TEXT) == CW_OK);
    CHECK(cw_ledger_append(ledger, (const uint8_t *)verify, strlen(verify),
                           CW_FORMAT_TEXT) == CW_EPERM);
    CHECK(cw_ledger_overdue(ledger, "2025-10-14", CW_FORMAT_JSON, &out,
                            &size) == CW_OK);
    /* Due 2025-10-09 after the National Day days off: 4 working days late. */
    CHECK(out != NULL &&
          strstr((const char *)out, "\"working_days_late\":4") != NULL);
    cw_free(out);
    out = NULL;
    cw_ledger_free(ledger);
  }

  { /* A ledger over a log the caller keeps: create, prepare, catch up. */
    cw_ledger *log = NULL;
    uint8_t *campaign_bytes = NULL, *first = NULL, *records = NULL;
    size_t campaign_size = 0, first_size = 0, records_size = 0;
    uint64_t sequence = 0;
    const char *append =
        "expected_sequence: 1 events { events { id: \"g1\" item_id: \"g-1\" "
        "actor: \"xul\" at: \"2025-09-25T10:00:00+08:00\" issue { "
        "unit_id: \"srk\" working_days: 5 findings { id: \"f\" "
        "category: \"占道经营\" } } } }";
    CHECK(cw_campaign_save(campaign, CW_FORMAT_BINARY, &campaign_bytes,
                           &campaign_size) == CW_OK);
    CHECK(cw_ledger_log_new(campaign, CW_FORMAT_BINARY, &log, &first,
                            &first_size) == CW_OK);
    CHECK(cw_ledger_log_sequence(log, &sequence) == CW_OK && sequence == 1);
    CHECK(cw_ledger_log_prepare(log, (const uint8_t *)append, strlen(append),
                                CW_FORMAT_TEXT, CW_FORMAT_BINARY, &records,
                                &records_size) == CW_OK);
    CHECK(cw_ledger_log_sequence(log, &sequence) == CW_OK && sequence == 1);
    CHECK(cw_ledger_log_catch_up(log, records, records_size,
                                 CW_FORMAT_BINARY) == CW_OK);
    CHECK(cw_ledger_log_sequence(log, &sequence) == CW_OK && sequence == 2);
    /* The same append again expects record 1: the log is at 2 now. */
    cw_free(records);
    records = NULL;
    CHECK(cw_ledger_log_prepare(log, (const uint8_t *)append, strlen(append),
                                CW_FORMAT_TEXT, CW_FORMAT_BINARY, &records,
                                &records_size) == CW_ECONFLICT);
    CHECK(records == NULL);
    CHECK(cw_ledger_append(log, (const uint8_t *)append, 0, CW_FORMAT_TEXT) ==
          CW_EINVALID);
    CHECK(cw_ledger_log_sequence(NULL, &sequence) == CW_EINVALID);
    CHECK(strcmp(cw_status_str(CW_EBUSY), "busy") == 0);
    cw_free(campaign_bytes);
    cw_free(first);
    cw_ledger_free(log);
  }

  cw_campaign_free(campaign);
  cw_campaign_free(NULL);
  cw_free(NULL);

  if (failures == 0) printf("c api: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
