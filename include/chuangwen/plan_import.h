// Plan import (方案导入): reads a work plan (工作方案) — text in UTF-8 or
// GB18030, or a Word .docx with its automatic numbering; the format is told
// from the bytes — and proposes the campaign it describes — header and cited
// parent documents, organization (领导小组, 办公室, working groups), the task
// tree with its responsibility lines, phases, recurring duties, and the
// mechanism paragraphs as text blocks — for a person to review.
//
// Real documents are messy: lines broken by page breaks are joined, blocks
// repeated by copy-paste are kept once, web-page chrome is set aside,
// placeholders such as 20XX are read against the plan's year. Every extracted
// item carries the lines it came from; every non-blank line that nothing
// uses is listed with why. The proposal is validated like any campaign, so
// gaps (a task nobody is responsible for) come back as problems.
//
// Ids: a person's or unit's id is its name as written (the same name is the
// same id in every import); tasks are numbered by their place in the tree
// ("2.3"); bodies, phases and duties get ids by kind and order.
//
// Thread safety: reentrant.
#ifndef CHUANGWEN_PLAN_IMPORT_H_
#define CHUANGWEN_PLAN_IMPORT_H_

#include <string_view>

#include "chuangwen/status.h"
#include "chuangwen/v1/plan_import.pb.h"

namespace chuangwen {

// Fails on bytes of a format it does not read (the message says what they
// look like and what to do), a damaged .docx, input over the limits of
// import/plan_format.h (64 MB), or bad options; whatever the text, a result
// comes back.
Status ImportPlan(std::string_view bytes, const v1::ImportOptions& options,
                  v1::ImportResult* out);

}  // namespace chuangwen

#endif  // CHUANGWEN_PLAN_IMPORT_H_
