/*
 * chuangwen C API (创文): the library's stable ABI.
 *
 * This header is the whole contract: what is not declared here is not API.
 * It compiles as C99 and as C++.
 *
 * Rules
 *  1. Errors. Every fallible function returns int: CW_OK (0) on success or a
 *     negative CW_E* code; each function's comment lists the codes it
 *     returns ("Errors:"). Any of them may also return CW_ENOMEM (out of
 *     memory) and CW_EINTERNAL (a bug), and CW_EINVALID for a NULL where a
 *     pointer is required or a bad CW_FORMAT_* value. On failure,
 *     cw_last_error_message() describes what went wrong and where ("task
 *     '2.3' does not exist"). Outputs are written only on success.
 *  2. Ownership. Every function states who owns what ("Ownership:").
 *     Handles made by a cw_x_new, cw_x_open or cw_x_load constructor are
 *     freed with exactly one cw_x_free(); bytes the library returns through
 *     `uint8_t **out, size_t *out_size` are freed with cw_free(). Every free
 *     function accepts NULL. Input pointers are borrowed for the duration of
 *     the call only.
 *  3. Threads. The last error is thread-local. Each handle type states its
 *     thread safety. The library starts threads only to rank large inputs
 *     (see "Threads" below); everything else runs on the calling thread.
 *  4. Strings. Ids and paths are NUL-terminated UTF-8. Answers in JSON or text
 *     format are UTF-8 and NUL-terminated (the terminator is not counted in
 *     *out_size); protobuf answers are raw bytes.
 *  5. Payloads. Campaigns and answers are chuangwen.v1 protobuf messages
 *     (the .proto files under proto/chuangwen/v1, installed in
 *     share/chuangwen/proto), exchanged in the encoding the caller picks with
 *     a CW_FORMAT_* value: binary protobuf, its JSON mapping, or text. A
 *     request message XRequest is answered by the message X.
 *  6. No C++ exception ever crosses this boundary.
 *  7. Call shape and names. cw_<noun>_<verb or answer>; the handle first,
 *     then inputs, outputs last. Constructors: _new (a fresh object), _open
 *     (a file that stays attached), _load (from bytes or a file's contents).
 *  8. Stability. Within a major version (CW_VERSION_MAJOR, the SONAME) no
 *     declared function changes signature or meaning and no code or constant
 *     changes value; new functions and codes are only added. The symbols
 *     carry the version node CHUANGWEN_<major> (CHUANGWEN_0 now).
 */
#ifndef CHUANGWEN_CW_H_
#define CHUANGWEN_CW_H_

#include <stddef.h>
#include <stdint.h>

#include "chuangwen/cw_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status codes (never renumbered; new ones are appended) ------------- */
#define CW_OK 0           /* Success. */
#define CW_EINVALID (-1)  /* An argument or input breaks a rule. */
#define CW_ENOTFOUND (-2) /* A named id or file does not exist. */
#define CW_EPARSE (-3)    /* Bytes are not a valid encoding of the message. */
#define CW_EPERM (-4)     /* The actor's role does not allow the action. */
#define CW_ECONFLICT (-5) /* The action conflicts with the current state. */
#define CW_EIO (-6)       /* Reading or writing failed. */
#define CW_ENOMEM (-7)    /* Out of memory. */
#define CW_EINTERNAL (-8) /* A bug in the library; please report it. */
#define CW_EBUSY (-9)     /* Another process held the file's lock too long;
                             nothing changed: try again. */

/* ---- Encodings ----------------------------------------------------------- */
#define CW_FORMAT_BINARY 0 /* Protobuf wire format. */
#define CW_FORMAT_JSON 1   /* Protobuf JSON mapping (snake_case field names). */
#define CW_FORMAT_TEXT 2   /* Protobuf text format. */
#define CW_FORMAT_AUTO 3   /* Files only: decide from the file extension. */

/* ---- Errors and version -------------------------------------------------- */

/* The message of the last failed cw_ call on this thread, or "" if none.
 * Ownership: owned by the library; valid until the next cw_ call on this
 * thread. Never NULL.
 * Errors: none (cannot fail). */
const char *cw_last_error_message(void);

/* The code of the last failed cw_ call on this thread, or CW_OK.
 * Ownership: nothing is allocated.
 * Errors: none (cannot fail). */
int cw_last_error_code(void);

/* A static description of a status code, e.g. "not found". Never NULL.
 * Ownership: static storage.
 * Errors: none (cannot fail). */
const char *cw_status_str(int code);

/* The library's version string "major.minor.patch" (may differ from the
 * CW_VERSION the caller compiled against).
 * Ownership: static storage.
 * Errors: none (cannot fail). */
const char *cw_version(void);

/* The library's version as major * 1000000 + minor * 1000 + patch.
 * Ownership: nothing is allocated.
 * Errors: none (cannot fail). */
int cw_version_number(void);

/* Writes the library's major, minor and patch version (each may be NULL).
 * Compare with CW_VERSION_CHECK for the version compiled against.
 * Ownership: the outputs are the caller's.
 * Errors: none (cannot fail). */
void cw_version_parts(int *major, int *minor, int *patch);

/* Frees bytes returned by any cw_ function. Accepts NULL.
 * Ownership: takes `p`.
 * Errors: none (cannot fail). */
void cw_free(void *p);

/* ---- Threads -------------------------------------------------------------
 *
 * Only ranking starts threads: cw_rank_arrays and cw_rank_arrays_in start
 * at most one helper thread, for the length of the call: from 2^22 units
 * when the library decides (a second thread pays there even with the other
 * cores busy), from 2^16 units when the caller sets 2 or more threads. The
 * ranking is bound by memory, which more threads do not widen. An OA
 * server that must keep the library off its request threads' cores sets
 * threads to 1 (the calling thread only, no helper started). */

/* Sets the process-wide default for rankings: at most `threads` threads
 * (0: the library decides; 1: the calling thread only; 2 or more: two
 * threads from 2^16 units). `spin_microseconds` is checked and otherwise
 * ignored (helper threads end with their call). A workspace's own setting
 * (cw_rank_workspace_set_threads) takes precedence. Safe to call from any
 * thread; rankings already running keep their setting.
 * Ownership: nothing is allocated.
 * Errors: CW_EINVALID for threads < 0 or spin_microseconds < -1. */
int cw_threads_configure(int threads, int spin_microseconds);

/* ---- Campaign ------------------------------------------------------------ */

/* A loaded, validated campaign (chuangwen.v1.Campaign). Immutable; safe to
 * query from many threads at once; freeing it while another thread uses it
 * is the caller's bug. */
typedef struct cw_campaign cw_campaign;

/* Decodes a chuangwen.v1.Campaign from `data` in `format` (CW_FORMAT_BINARY,
 * _JSON or _TEXT) and builds the model. Validation problems do not make
 * loading fail; read them with cw_campaign_validate().
 * Ownership: on success the caller owns *out and frees it with
 * cw_campaign_free(); `data` is only read during the call.
 * Errors: CW_EPARSE for bytes that do not decode. */
int cw_campaign_load(const uint8_t *data, size_t size, int format,
                     cw_campaign **out);

/* As cw_campaign_load, reading the file at `path`; CW_FORMAT_AUTO picks the
 * format from the extension (.pb/.bin, .json, .textproto/.txtpb/.pbtxt).
 * Ownership: as cw_campaign_load.
 * Errors: CW_ENOTFOUND for a missing file, CW_EIO when it cannot be read,
 * CW_EPARSE for bytes that do not decode, CW_EINVALID for an unknown
 * extension with CW_FORMAT_AUTO. */
int cw_campaign_load_file(const char *path, int format, cw_campaign **out);

/* Frees a campaign. Accepts NULL.
 * Ownership: takes `campaign`.
 * Errors: none (cannot fail). */
void cw_campaign_free(cw_campaign *campaign);

/* Encodes the campaign in `format` (round-trips losslessly).
 * Ownership: caller frees *out with cw_free().
 * Errors: only those of rule 1. */
int cw_campaign_save(const cw_campaign *campaign, int format, uint8_t **out,
                     size_t *out_size);

/* Number of validation problems (0 for a valid campaign) in *out.
 * Ownership: nothing is allocated.
 * Errors: only those of rule 1. */
int cw_campaign_problem_count(const cw_campaign *campaign, size_t *out);

/* Every validation problem, as a chuangwen.v1.ValidationReport in `format`.
 * Returns CW_OK whether or not there are problems.
 * Ownership: caller frees *out with cw_free().
 * Errors: only those of rule 1. */
int cw_campaign_validate(const cw_campaign *campaign, int format, uint8_t **out,
                         size_t *out_size);

/* ---- Responsibility queries (answers in responsibility.proto) ------------ */

/* Every task the unit leads, is responsible for or assists, as a
 * chuangwen.v1.PartyTasks. With include_child_units != 0, also the tasks of
 * every unit below it.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND for an unknown unit. */
int cw_campaign_unit_tasks(const cw_campaign *campaign, const char *unit_id,
                           int include_child_units, int format, uint8_t **out,
                           size_t *out_size);

/* Every task the person is assigned to, as a chuangwen.v1.PartyTasks.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND for an unknown person. */
int cw_campaign_person_tasks(const cw_campaign *campaign, const char *person_id,
                             int format, uint8_t **out, size_t *out_size);

/* Everyone involved in the task and their role, as chuangwen.v1.TaskParties.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND for an unknown task. */
int cw_campaign_task_parties(const cw_campaign *campaign, const char *task_id,
                             int format, uint8_t **out, size_t *out_size);

/* Task counts by role for every unit and person (the workload), as a
 * chuangwen.v1.LoadSummary.
 * Ownership: caller frees *out with cw_free().
 * Errors: only those of rule 1. */
int cw_campaign_workload(const cw_campaign *campaign, int format, uint8_t **out,
                         size_t *out_size);

/* Leaf tasks with no lead leader or no responsible unit, as
 * chuangwen.v1.GapReport.
 * Ownership: caller frees *out with cw_free().
 * Errors: only those of rule 1. */
int cw_campaign_gaps(const cw_campaign *campaign, int format, uint8_t **out,
                     size_t *out_size);

/* The documents the task descends from, nearest first, as
 * chuangwen.v1.DocumentChain.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND for an unknown task. */
int cw_campaign_document_chain(const cw_campaign *campaign, const char *task_id,
                               int format, uint8_t **out, size_t *out_size);

/* ---- Working-day calendar ------------------------------------------------ */

/* Flags for the calendar functions. */
#define CW_CALENDAR_WEEKEND_FALLBACK \
  1 /* Answer years not loaded by weekends alone. */

/* Bytes a date written by the library takes: "YYYY-MM-DD" and a NUL. */
#define CW_DATE_SIZE 11

/* The calendar functions use the campaign's calendar (the shipped national
 * calendar with the campaign's own years and adjustments on top), or the
 * shipped national calendar (China, 2014-2026) when `campaign` is NULL.
 * Dates are "YYYY-MM-DD". A date in a year that is not loaded fails with
 * CW_EINVALID naming the year, unless flags has CW_CALENDAR_WEEKEND_FALLBACK;
 * then *out_used_fallback (if not NULL) is set to 1 when the fallback was
 * used, else 0. */

/* *out = 1 if `date` is a working day, else 0.
 * Ownership: nothing is allocated.
 * Errors: CW_EINVALID for a bad date or a year not loaded. */
int cw_calendar_is_working_day(const cw_campaign *campaign, const char *date,
                               int flags, int *out, int *out_used_fallback);

/* Writes to `out` (CW_DATE_SIZE bytes, caller-owned) the n-th working day
 * after `date` (n > 0) or before it (n < 0), not counting `date`; n == 0
 * gives `date`.
 * Ownership: nothing is allocated; `out` is the caller's.
 * Errors: CW_EINVALID for a bad date or a year not loaded. */
int cw_calendar_add_working_days(const cw_campaign *campaign, const char *date,
                                 int n, int flags, char *out,
                                 int *out_used_fallback);

/* *out = working days from `from` to `to`, both included.
 * Ownership: nothing is allocated.
 * Errors: CW_EINVALID for a bad date, a year not loaded, or `from` after
 * `to`. */
int cw_calendar_count_working_days(const cw_campaign *campaign,
                                   const char *from, const char *to, int flags,
                                   int *out, int *out_used_fallback);

/* ---- Schedule (schedule.proto) ------------------------------------------- */

/* The phases containing `date`, as a chuangwen.v1.PhaseList.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad date. */
int cw_campaign_phases_at(const cw_campaign *campaign, const char *date,
                          int format, uint8_t **out, size_t *out_size);

/* The agenda asked by a chuangwen.v1.AgendaRequest (`request`, encoded in
 * `request_format`), answered as a chuangwen.v1.Agenda in `format`.
 * Ownership: `request` is borrowed; caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_EINVALID when
 * the campaign's schedule has problems (the message names the first), on
 * bad dates or from after to. */
int cw_campaign_agenda(const cw_campaign *campaign, const uint8_t *request,
                       size_t request_size, int request_format, int format,
                       uint8_t **out, size_t *out_size);

/* The same agenda as an iCalendar (RFC 5545) document, UTF-8 text with CRLF
 * line endings. `stamp_utc` ("YYYYMMDDTHHMMSSZ") is every event's DTSTAMP;
 * NULL or "" uses the current time.
 * Ownership: caller frees *out with cw_free().
 * Errors: as cw_campaign_agenda. */
int cw_campaign_agenda_ics(const cw_campaign *campaign, const uint8_t *request,
                           size_t request_size, int request_format,
                           const char *stamp_utc, uint8_t **out,
                           size_t *out_size);

/* Colours (红黄绿灯) of the dated items of a chuangwen.v1.StatusColorsRequest,
 * as a chuangwen.v1.StatusColors. The policy is the request's, else the
 * campaign's, else yellow within 3 working days.
 * Ownership: `request` is borrowed; caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_EINVALID for bad
 * dates or a year not loaded. */
int cw_campaign_status_colors(const cw_campaign *campaign,
                              const uint8_t *request, size_t request_size,
                              int request_format, int format, uint8_t **out,
                              size_t *out_size);

/* ---- Assessment (assessment.proto) --------------------------------------- */

/* The ranking table of `period` ("YYYY-MM", "YYYY-Qn", or "YYYY" for the
 * annual composite) as a chuangwen.v1.RankingTable: rows in rank order with
 * scores, group ranks, grades and vetoes, and the commended and criticised
 * units. `component_id` may be NULL or "" (the only component scored by that
 * kind of period).
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID naming the period, component, unit or indicator that
 * is wrong; CW_ENOTFOUND for an unknown component. */
int cw_campaign_rank(const cw_campaign *campaign, const char *period,
                     const char *component_id, int format, uint8_t **out,
                     size_t *out_size);

/* One unit's breakdown in `period` and the gap to the unit just above it, as
 * a chuangwen.v1.Explanation.
 * Ownership: caller frees *out with cw_free().
 * Errors: as cw_campaign_rank; CW_ENOTFOUND for an unknown unit. */
int cw_campaign_explain(const cw_campaign *campaign, const char *unit_id,
                        const char *period, const char *component_id,
                        int format, uint8_t **out, size_t *out_size);

/* Closed periods: a book of frozen rankings (chuangwen.v1.AssessmentBook).
 * Closing freezes a period's ranking; reading it later gives the frozen
 * table even if the campaign's inputs changed; changing it takes a reopening,
 * which is recorded with who, when and why. Not thread-safe: one thread at a
 * time per book. */
typedef struct cw_assessment_book cw_assessment_book;

/* A new, empty book.
 * Ownership: caller frees *out with cw_assessment_book_free().
 * Errors: only those of rule 1. */
int cw_assessment_book_new(cw_assessment_book **out);

/* A book from a saved chuangwen.v1.AssessmentBook in `format`.
 * Ownership: `data` is borrowed; caller frees *out with
 * cw_assessment_book_free().
 * Errors: CW_EPARSE for bytes that do not decode. */
int cw_assessment_book_load(const uint8_t *data, size_t size, int format,
                            cw_assessment_book **out);

/* Frees a book. Accepts NULL.
 * Ownership: takes `book`.
 * Errors: none (cannot fail). */
void cw_assessment_book_free(cw_assessment_book *book);

/* Ranks `period` of `campaign` now and freezes it. `actor` and `at` (an
 * RFC 3339 time) are required.
 * Ownership: nothing is allocated; `campaign` is borrowed.
 * Errors: CW_ECONFLICT if the period is already closed; CW_EINVALID as for
 * cw_campaign_rank, or for a missing actor or time. */
int cw_assessment_book_close_period(cw_assessment_book *book,
                                    const cw_campaign *campaign,
                                    const char *period,
                                    const char *component_id, const char *actor,
                                    const char *at);

/* Reopens a closed period, recording who, when and why (all required).
 * Ownership: nothing is allocated.
 * Errors: CW_ENOTFOUND if the period is not closed; CW_EINVALID for a
 * missing actor, time or reason. */
int cw_assessment_book_reopen_period(cw_assessment_book *book,
                                     const char *period,
                                     const char *component_id,
                                     const char *actor, const char *at,
                                     const char *reason);

/* The frozen chuangwen.v1.RankingTable of a closed period in `format`.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND if the period is not closed. */
int cw_assessment_book_frozen_table(const cw_assessment_book *book,
                                    const char *period,
                                    const char *component_id, int format,
                                    uint8_t **out, size_t *out_size);

/* The frozen table as CSV (UTF-8, CRLF, header row first).
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND if the period is not closed. */
int cw_assessment_book_frozen_csv(const cw_assessment_book *book,
                                  const char *period, const char *component_id,
                                  uint8_t **out, size_t *out_size);

/* The whole book (closed periods and reopenings) in `format`, to store.
 * Ownership: caller frees *out with cw_free().
 * Errors: only those of rule 1. */
int cw_assessment_book_save(const cw_assessment_book *book, int format,
                            uint8_t **out, size_t *out_size);

/* Derived weights: a chuangwen.v1.WeightsRequest (AHP from a pairwise
 * comparison matrix, refusing a consistency ratio >= 0.1 unless forced; or
 * the entropy method from data) answered as a chuangwen.v1.Weights. Needs
 * no campaign.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_EINVALID for a
 * matrix or data of the wrong shape, an inconsistent matrix, or no method. */
int cw_weights_derive(const uint8_t *request, size_t request_size,
                      int request_format, int format, uint8_t **out,
                      size_t *out_size);

/* Rank robustness: Monte-Carlo perturbation of the weights (seeded,
 * reproducible) for a chuangwen.v1.RobustnessRequest, answered as a
 * chuangwen.v1.Robustness: each unit's median rank and 5-95 % rank
 * interval.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_EINVALID for
 * arrays of the wrong size, bad scores or weights, or units × trials over
 * 2 × 10^8. */
int cw_rank_robustness(const uint8_t *request, size_t request_size,
                       int request_format, int format, uint8_t **out,
                       size_t *out_size);

/* ---- Ranking: the zero-copy fast path over plain arrays ------------------ */

/* Tie modes. */
#define CW_TIES_COMPETITION 0 /* 1, 2, 2, 4 */
#define CW_TIES_DENSE 1       /* 1, 2, 2, 3 */
#define CW_TIES_ORDINAL 2     /* 1, 2, 3, 4 (ties by unit index) */

/* Flags for cw_rank_arrays. */
#define CW_RANK_NORMALIZE_WEIGHTS             \
  1 /* Divide weights by their sum instead of \
       requiring them to sum to 1. */

/* Ranks `units` units on `indicators` scores each.
 *   scores      units × indicators doubles, row-major (unit by unit).
 *   weights     `indicators` doubles: finite, >= 0, summing to 1 (within
 *               1e-9) unless flags has CW_RANK_NORMALIZE_WEIGHTS.
 *   vetoed      `units` bytes, non-zero = vetoed (一票否决): ranked after
 *               every other unit. May be NULL.
 *   groups      `units` group ids >= 0. May be NULL.
 * Composite = s[0]*w[0] + s[1]*w[1] + ... summed left to right (no fused
 * multiply-add). Order: composite descending, vetoed units last; ties as
 * `ties`. Outputs (caller-owned, `units` entries each; only out_rank is
 * required): out_rank (1-based overall rank), out_group_rank (within the
 * unit's group; requires groups), out_composite. Every input is checked
 * before any output is written. Threads: see "Threads" above.
 * Ownership: nothing is allocated for the caller; inputs are borrowed.
 * Errors: CW_EINVALID and untouched outputs for a NaN or infinite score
 * (the message names the unit and indicator index), a negative or
 * non-finite weight, weights not summing to 1, a negative group id, a bad
 * tie mode or unknown flags, or out_group_rank without groups. */
int cw_rank_arrays(const double *scores, size_t units, size_t indicators,
                   const double *weights, const uint8_t *vetoed,
                   const int32_t *groups, int ties, int flags,
                   int32_t *out_rank, int32_t *out_group_rank,
                   double *out_composite);

/* Scratch memory (16 bytes per unit, and a table per group) kept between
 * rankings. A first ranking into fresh memory pays its page faults, which
 * for a million units cost about as much as the ranking itself; later rankings
 * in the same workspace do not. Not thread-safe: one ranking at a time per
 * workspace. */
typedef struct cw_rank_workspace cw_rank_workspace;

/* A new workspace using the process-wide thread defaults.
 * Ownership: caller frees *out with cw_rank_workspace_free().
 * Errors: only those of rule 1. */
int cw_rank_workspace_new(cw_rank_workspace **out);

/* Frees a workspace. Accepts NULL.
 * Ownership: takes `workspace`.
 * Errors: none (cannot fail). */
void cw_rank_workspace_free(cw_rank_workspace *workspace);

/* The workspace's own thread count (and ignored spin), as for
 * cw_threads_configure (threads 0 and spin -1 fall back to the process-wide
 * defaults). Ownership: nothing is allocated. Errors: CW_EINVALID for threads <
 * 0 or spin_microseconds < -1. */
int cw_rank_workspace_set_threads(cw_rank_workspace *workspace, int threads,
                                  int spin_microseconds);

/* cw_rank_arrays in `workspace` (NULL: a fresh one for this call).
 * Ownership: as cw_rank_arrays; the workspace is borrowed.
 * Errors: as cw_rank_arrays. */
int cw_rank_arrays_in(cw_rank_workspace *workspace, const double *scores,
                      size_t units, size_t indicators, const double *weights,
                      const uint8_t *vetoed, const int32_t *groups, int ties,
                      int flags, int32_t *out_rank, int32_t *out_group_rank,
                      double *out_composite);

/* Incremental ranking: after a full ranking, change single units' composites
 * and read their new competition ranks. Not thread-safe for updates;
 * queries may run concurrently with each other. */
typedef struct cw_rank_index cw_rank_index;

/* An index over `units` composites (e.g. out_composite of cw_rank_arrays),
 * veto flags and groups (both may be NULL).
 * Ownership: inputs are copied; caller frees *out with cw_rank_index_free().
 * Errors: CW_EINVALID for a non-finite composite or a negative group id. */
int cw_rank_index_new(const double *composite, size_t units,
                      const uint8_t *vetoed, const int32_t *groups,
                      cw_rank_index **out);

/* Frees an index. Accepts NULL.
 * Ownership: takes `index`.
 * Errors: none (cannot fail). */
void cw_rank_index_free(cw_rank_index *index);

/* Sets unit's composite; writes its new overall and group rank (either
 * output may be NULL).
 * Ownership: nothing is allocated.
 * Errors: CW_ENOTFOUND for a unit out of range; CW_EINVALID for a
 * non-finite composite. */
int cw_rank_index_update(cw_rank_index *index, size_t unit, double composite,
                         int32_t *out_rank, int32_t *out_group_rank);

/* Current ranks of a unit (either output may be NULL).
 * Ownership: nothing is allocated.
 * Errors: CW_ENOTFOUND for a unit out of range. */
int cw_rank_index_rank(const cw_rank_index *index, size_t unit,
                       int32_t *out_rank, int32_t *out_group_rank);

/* ---- Supervision ledger (督查台账) ---------------------------------------- */

/* A supervision ledger: rectification items as events (chuangwen.v1
 * LedgerEvent), checked against the roles and calendar of its campaign,
 * with its evidence (佐证资料) and progress reports. Either durable (one
 * SQLite file, WAL mode, every batch one transaction; several processes may
 * write one file), folded from a log the caller keeps (below), or in
 * memory. Not thread-safe: one thread at a time per ledger; use one handle
 * per thread on one file. */
typedef struct cw_ledger cw_ledger;

/* A new ledger over `campaign` (which must validate without problems): in
 * a new file at `path`, or in memory when `path` is NULL (nothing is then
 * stored). The campaign is copied; it may be freed after this call.
 * Ownership: caller frees *out with cw_ledger_free().
 * Errors: CW_EINVALID for a campaign with validation problems; CW_ECONFLICT
 * if the file exists; CW_EIO when it cannot be written. */
int cw_ledger_new(const cw_campaign *campaign, const char *path,
                  cw_ledger **out);

/* Opens a ledger file and folds its records.
 * Ownership: caller frees *out with cw_ledger_free().
 * Errors: CW_ENOTFOUND if it does not exist; CW_EPARSE for a damaged file
 * or one that is not a ledger (the message names the record); CW_EIO,
 * CW_EBUSY. */
int cw_ledger_open(const char *path, cw_ledger **out);

/* Frees a ledger (closing its file). Accepts NULL.
 * Ownership: takes `ledger`.
 * Errors: none (cannot fail). */
void cw_ledger_free(cw_ledger *ledger);

/* Appends a chuangwen.v1.LedgerEventBatch in `format`: every event is checked
 * against the state the ones before it leave, then all are stored, or, if
 * one fails, none (the message names the event).
 * Ownership: `batch` is borrowed.
 * Errors: CW_EPARSE for a batch that does not decode; CW_EPERM for a role
 * the policy does not allow; CW_ECONFLICT for a transition the item's state
 * does not allow; CW_EINVALID or CW_ENOTFOUND for bad fields; CW_EIO,
 * CW_EBUSY for the file. */
int cw_ledger_append(cw_ledger *ledger, const uint8_t *batch, size_t size,
                     int format);

/* Puts a newer version of the campaign (same campaign id) in force and
 * records it with `reason` (required).
 * Ownership: `campaign` is borrowed.
 * Errors: CW_EPARSE for bytes that do not decode; CW_EINVALID for another
 * campaign id, validation problems or no reason; CW_EIO, CW_EBUSY. */
int cw_ledger_replace_campaign(cw_ledger *ledger, const uint8_t *campaign,
                               size_t size, int format, const char *reason);

/* The number of events in the ledger.
 * Ownership: nothing is allocated.
 * Errors: only those of rule 1. */
int cw_ledger_event_count(const cw_ledger *ledger, size_t *out);

/* Queries. Dates are "YYYY-MM-DD", months "YYYY-MM". Each answers the named
 * chuangwen.v1 message in `format`; a bad date or month is CW_EINVALID. */

/* LedgerItem: one item's folded state.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND for an unknown item. */
int cw_ledger_item(const cw_ledger *ledger, const char *item_id, int format,
                   uint8_t **out, size_t *out_size);

/* ItemHistory: the state and every event of an item or escalation.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_ENOTFOUND for an unknown item. */
int cw_ledger_history(const cw_ledger *ledger, const char *item_id,
                      int format, uint8_t **out, size_t *out_size);

/* OpenItemList: items outstanding (not closed) at `date`, of `unit_id` and
 * the units below it (NULL: all), with 红黄绿灯 colours.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad date or a year not loaded; CW_ENOTFOUND for
 * an unknown unit. */
int cw_ledger_outstanding(const cw_ledger *ledger, const char *unit_id,
                          const char *date, int format, uint8_t **out,
                          size_t *out_size);

/* OpenItemList: items overdue at `date` with working days late, oldest
 * deadline first.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad date or a year not loaded. */
int cw_ledger_overdue(const cw_ledger *ledger, const char *date, int format,
                      uint8_t **out, size_t *out_size);

/* MonthlyStats: per unit, found, rectified on time / late, overdue, reopened
 * and open.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad month. */
int cw_ledger_monthly_stats(const cw_ledger *ledger, const char *month,
                            int format, uint8_t **out, size_t *out_size);

/* RepeatedProblemList: units with repeated findings of one category.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad date. */
int cw_ledger_repeated_problems(const cw_ledger *ledger, const char *date,
                                int format, uint8_t **out, size_t *out_size);

/* EscalationList: 约谈 / 组织措施 the campaign's rules recommend.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad date. */
int cw_ledger_escalations(const cw_ledger *ledger, const char *date,
                          int format, uint8_t **out, size_t *out_size);

/* ReminderList: reminders (催办) due, at the level the ladder reached.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad date or a year not loaded. */
int cw_ledger_reminders(const cw_ledger *ledger, const char *date, int format,
                        uint8_t **out, size_t *out_size);

/* PointReport: inspection points with findings and open items.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad date. */
int cw_ledger_points(const cw_ledger *ledger, const char *date, int format,
                     uint8_t **out, size_t *out_size);

/* DeductionInputs: the month's deduction occurrences as assessment inputs.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a bad month. */
int cw_ledger_deductions(const cw_ledger *ledger, const char *month,
                         int format, uint8_t **out, size_t *out_size);

/* The whole log as length-delimited chuangwen.v1.LedgerRecord messages
 * (campaign versions and events in order).
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EINVALID for a ledger that is not a file; CW_EIO, CW_EBUSY. */
int cw_ledger_export(const cw_ledger *ledger, uint8_t **out,
                     size_t *out_size);

/* Reads such a log into a ledger file that holds no events yet; all or
 * nothing.
 * Ownership: `data` is borrowed.
 * Errors: CW_ECONFLICT if the ledger has events; CW_EINVALID for a ledger
 * that is not a file; CW_EPARSE or CW_EINVALID naming a record that does
 * not decode or fold; CW_EIO, CW_EBUSY. */
int cw_ledger_import(cw_ledger *ledger, const uint8_t *data, size_t size);

/* Appends a chuangwen.v1.EvidenceEventBatch (佐证资料: submissions, the lead
 * leader's sign-off, rejections) in `format`, all or nothing.
 * Ownership: `batch` is borrowed.
 * Errors: as cw_ledger_append. */
int cw_ledger_append_evidence(cw_ledger *ledger, const uint8_t *batch,
                              size_t size, int format);

/* Evidence completeness: a chuangwen.v1.CompletenessReportRequest in
 * `request_format` answered as a CompletenessReport in `format`.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_EINVALID for a
 * bad date; CW_ENOTFOUND for an unknown unit or task. */
int cw_ledger_evidence_completeness(const cw_ledger *ledger,
                                    const uint8_t *request, size_t size,
                                    int request_format, int format,
                                    uint8_t **out, size_t *out_size);

/* The archive index (资料汇编目录), a chuangwen.v1.ArchiveIndex.
 * Ownership: caller frees *out with cw_free().
 * Errors: only those of rule 1. */
int cw_ledger_evidence_archive(const cw_ledger *ledger, int format,
                               uint8_t **out, size_t *out_size);

/* An evidence package: a chuangwen.v1.EvidencePackageRequest answered as an
 * EvidencePackage.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_ENOTFOUND for
 * an unknown unit or task. */
int cw_ledger_evidence_package(const cw_ledger *ledger, const uint8_t *request,
                               size_t size, int request_format, int format,
                               uint8_t **out, size_t *out_size);

/* ---- Documents (文书) ------------------------------------------------------ */

/* Renders a document for a chuangwen.v1.ReportDocumentRequest (monthly
 * bulletin, rectification notice or unit dossier, in the 公文 format of
 * GB/T 9704; Markdown, CSV, HTML, DOCX or PDF, the last two as bytes in
 * ReportDocument.binary; templates may be replaced in the request) from
 * `campaign`, or from
 * `ledger` (its campaign, ledger and evidence) when `ledger` is not NULL;
 * one of the two is required. The answer is a chuangwen.v1.ReportDocument.
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_EINVALID for a
 * bad period, kind or template, or neither campaign nor ledger;
 * CW_ENOTFOUND for an unknown unit or item, or for PDF where Chromium is not
 * installed; CW_EIO when Chromium fails. */
int cw_report_render(const cw_campaign *campaign, const cw_ledger *ledger,
                     const uint8_t *request, size_t size, int request_format,
                     int format, uint8_t **out, size_t *out_size);

/* ---- Targets and progress (目标任务与工作进展) ------------------------------ */

/* The campaign's progress status at a date from its inline progress
 * reports: a chuangwen.v1.CampaignStatusRequest in `request_format`
 * answered as a chuangwen.v1.CampaignStatus in `format` (every task with
 * targets, expected against reported, status and colour, most behind
 * first; unit summaries).
 * Ownership: caller frees *out with cw_free().
 * Errors: CW_EPARSE for a request that does not decode; CW_EINVALID for a
 * bad date. */
int cw_campaign_progress_status(const cw_campaign *campaign,
                                const uint8_t *request, size_t size,
                                int request_format, int format, uint8_t **out,
                                size_t *out_size);

/* Adds a chuangwen.v1.ProgressReportBatch, all or nothing; reports dated
 * after `today` ("YYYY-MM-DD"; NULL: no limit) are refused.
 * Ownership: `batch` is borrowed.
 * Errors: as cw_ledger_append; CW_EPERM for reports from units not
 * responsible for the task. */
int cw_ledger_append_progress(cw_ledger *ledger, const uint8_t *batch,
                              size_t size, int format, const char *today);

/* The progress status at a date from the ledger's progress reports (the
 * campaign's inline ones and those added): a CampaignStatusRequest in, a
 * CampaignStatus out.
 * Ownership: caller frees *out with cw_free().
 * Errors: as cw_campaign_progress_status. */
int cw_ledger_progress_status(const cw_ledger *ledger, const uint8_t *request,
                              size_t size, int request_format, int format,
                              uint8_t **out, size_t *out_size);

/* Folds what other processes (or handles) wrote to a ledger file since this
 * handle last wrote or refreshed; every write does this first by itself.
 * Queries answer from the state as of then. A no-op for a ledger in memory.
 * Ownership: nothing is allocated.
 * Errors: CW_EBUSY; CW_EIO on a file that cannot be read; CW_EPARSE for a
 * damaged record. */
int cw_ledger_refresh(cw_ledger *ledger);

/* ---- A ledger over a log the caller keeps (OA clusters) ------------------
 *
 * Application servers sharing one database keep the ledger's records there
 * (a table of sequence number and record bytes, the sequence its primary
 * key) instead of in a SQLite file. Each server's cw_ledger folds those
 * records; every query above works on it. To write:
 *   1. cw_ledger_log_catch_up with the records after cw_ledger_log_sequence;
 *   2. cw_ledger_log_prepare with a chuangwen.v1.LogAppend whose
 *      expected_sequence is that sequence: the batch is checked and the
 *      records to store come back (a LedgerRecordBatch numbered on from
 *      it); the ledger does not change;
 *   3. insert them in one transaction; a duplicate sequence means another
 *      server stored first: roll back, go to 1 and prepare again;
 *   4. cw_ledger_log_catch_up with them.
 * cw_ledger_append and the other writers refuse such a ledger (CW_EINVALID).
 * Records cross as chuangwen.v1.LedgerRecordBatch in `format`. */

/* A new log over `campaign` (which must validate): *out folds it, and
 * *out_first (a LedgerRecordBatch in `first_format`) holds record 1, to
 * store first. The campaign is copied.
 * Ownership: caller frees *out with cw_ledger_free() and *out_first with
 * cw_free().
 * Errors: CW_EINVALID for a campaign with problems. */
int cw_ledger_log_new(const cw_campaign *campaign, int first_format,
                      cw_ledger **out, uint8_t **out_first,
                      size_t *out_first_size);

/* A ledger folded from a log's records (from record 1 on).
 * Ownership: `records` is borrowed; caller frees *out with
 * cw_ledger_free().
 * Errors: CW_EPARSE for bytes that are not a LedgerRecordBatch;
 * CW_EINVALID for records that do not start with the campaign or do not
 * fold. */
int cw_ledger_log_load(const uint8_t *records, size_t size, int format,
                       cw_ledger **out);

/* The last record the ledger has folded.
 * Ownership: nothing is allocated.
 * Errors: CW_EINVALID for a ledger that does not fold a caller's log. */
int cw_ledger_log_sequence(const cw_ledger *ledger, uint64_t *out);

/* Folds records stored since: those already folded are skipped, the rest
 * must follow on without a gap (the records before a failing one stay
 * folded).
 * Ownership: `records` is borrowed.
 * Errors: CW_EPARSE for bytes that do not decode; CW_EINVALID naming a
 * record after a gap or one that does not fold, or for a ledger that does
 * not fold a caller's log. */
int cw_ledger_log_catch_up(cw_ledger *ledger, const uint8_t *records,
                           size_t size, int format);

/* Checks a chuangwen.v1.LogAppend against the ledger's state and answers
 * the records to store, in `out_format`. The ledger does not change.
 * Ownership: `append` is borrowed; caller frees *out with cw_free().
 * Errors: CW_ECONFLICT when expected_sequence is not the ledger's sequence
 * (catch up first) or the batch conflicts with the state; CW_EPERM,
 * CW_EINVALID, CW_ENOTFOUND as for cw_ledger_append; CW_EPARSE for bytes
 * that do not decode. */
int cw_ledger_log_prepare(cw_ledger *ledger, const uint8_t *append,
                          size_t size, int format, int out_format,
                          uint8_t **out, size_t *out_size);

/* ---- Plan import (方案导入) ---------------------------------------------- */

/* Reads a plan — text (UTF-8 or GB18030) or a Word .docx, told from the
 * bytes — and answers a chuangwen.v1.ImportResult in `format`: the proposed
 * campaign, where each part came from, every line not used with why, and the
 * campaign's validation problems. `options` is a chuangwen.v1.ImportOptions in
 * `options_format` (NULL and 0 for the defaults).
 * Ownership: `text` and `options` are borrowed; caller frees *out with
 * cw_free().
 * Errors: CW_EPARSE for bytes of a format not read (the message says what
 * they look like), a damaged .docx, or options that do not decode;
 * CW_EINVALID for bad options or input over 64 MB. */
int cw_plan_import(const uint8_t *text, size_t size, const uint8_t *options,
                   size_t options_size, int options_format, int format,
                   uint8_t **out, size_t *out_size);

/* The cascade (层层分解): `child` and `parent` are chuangwen.v1.Campaign
 * messages in `in_format`; the parent's plan document and tasks are copied
 * into the child under the document the child cites by the parent's 文号,
 * and the child's tasks are linked to those they implement (by title).
 * Answers a chuangwen.v1.CascadeResult in `format`: the linked campaign,
 * the links and the tasks without a match.
 * Ownership: `child` and `parent` are borrowed; caller frees *out with
 * cw_free().
 * Errors: CW_EINVALID when the child does not cite the parent's 文号 or the
 * parent's plan has none; CW_EPARSE for bytes that do not decode. */
int cw_plan_link(const uint8_t *child, size_t child_size,
                 const uint8_t *parent, size_t parent_size, int in_format,
                 int format, uint8_t **out, size_t *out_size);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CHUANGWEN_CW_H_ */
