#include "campaign_generator.h"

#include <cstdio>
#include <random>
#include <string>

namespace chuangwen::bench {

v1::Campaign GenerateCampaign(const CampaignShape& shape) {
  std::mt19937 rng(shape.seed);
  v1::Campaign c;
  c.set_id("generated");
  c.set_name("generated campaign");
  c.set_plan_document_id("doc-2");
  for (int d = 0; d < 3; ++d) {
    v1::Document* doc = c.add_documents();
    doc->set_id("doc-" + std::to_string(d));
    doc->set_number("生成〔2025〕" + std::to_string(d + 1) + "号");
    doc->set_title("generated plan " + std::to_string(d));
    if (d > 0) doc->add_parent_ids("doc-" + std::to_string(d - 1));
  }
  c.mutable_units()->Reserve(shape.units);
  for (int i = 0; i < shape.units; ++i) {
    v1::Unit* u = c.add_units();
    u->set_id("u" + std::to_string(i));
    if (i % 100 == 0) {
      u->set_name("局" + std::to_string(i / 100));
      u->set_kind("bureau");
    } else {
      u->set_name("科室" + std::to_string(i));
      u->set_kind("section");
      u->set_parent_id("u" + std::to_string(i - i % 100));
    }
  }
  c.mutable_people()->Reserve(shape.people);
  for (int i = 0; i < shape.people; ++i) {
    v1::Person* p = c.add_people();
    p->set_id("p" + std::to_string(i));
    p->set_name("人员" + std::to_string(i));
    p->set_unit_id("u" + std::to_string(i % shape.units));
  }
  // Leaders: the first 2% of people sit in the leading group.
  const int leaders = std::max(1, shape.people / 50);
  v1::Body* group = c.add_bodies();
  group->set_id("leading-group");
  group->set_name("领导小组");
  group->set_kind(v1::BODY_KIND_LEADING_GROUP);
  for (int i = 0; i < leaders; ++i) {
    v1::Member* m = group->add_members();
    m->set_person_id("p" + std::to_string(i));
    m->set_role(i == 0 ? v1::MEMBER_ROLE_LEADER : v1::MEMBER_ROLE_MEMBER);
  }
  std::uniform_int_distribution<int> unit_of(0, shape.units - 1);
  std::uniform_int_distribution<int> leader_of(0, leaders - 1);
  c.mutable_tasks()->Reserve(shape.tasks);
  c.mutable_assignments()->Reserve(shape.tasks *
                                   (2 + shape.assisting_per_task));
  std::string top;
  for (int i = 0; i < shape.tasks; ++i) {
    v1::Task* t = c.add_tasks();
    if (i % 10 == 0) {
      top = std::to_string(i / 10 + 1);
      t->set_id(top);
      t->set_order(i / 10 + 1);
      t->set_document_id("doc-2");
      t->set_title("任务" + top);
      continue;
    }
    t->set_id(top + "." + std::to_string(i % 10));
    t->set_parent_id(top);
    t->set_order(i % 10);
    t->set_title("任务" + t->id());
    v1::Assignment* a = c.add_assignments();
    a->set_task_id(t->id());
    a->set_person_id("p" + std::to_string(leader_of(rng)));
    a->set_role(v1::ASSIGNMENT_ROLE_LEAD_LEADER);
    int responsible = unit_of(rng);
    a = c.add_assignments();
    a->set_task_id(t->id());
    a->set_unit_id("u" + std::to_string(responsible));
    a->set_role(v1::ASSIGNMENT_ROLE_RESPONSIBLE_UNIT);
    for (int k = 0; k < shape.assisting_per_task; ++k) {
      int assisting = unit_of(rng);
      if (assisting == responsible) assisting = (assisting + 1) % shape.units;
      a = c.add_assignments();
      a->set_task_id(t->id());
      a->set_unit_id("u" + std::to_string(assisting));
      a->set_role(v1::ASSIGNMENT_ROLE_ASSISTING_UNIT);
    }
  }
  return c;
}

void AddDuties(int count, int year, uint32_t seed, v1::Campaign* c) {
  std::mt19937 rng(seed);
  const std::string y = std::to_string(year);
  v1::Schedule* schedule = c->mutable_schedule();
  const char* phases[][3] = {{"mobilize", "", "-03-15"},
                             {"rectify", "-01-01", "-08-31"},
                             {"inspection", "-08-01", "-09-30"},
                             {"consolidate", "-10-01", "-12-31"}};
  for (const auto& p : phases) {
    v1::Phase* phase = schedule->add_phases();
    phase->set_id(p[0]);
    phase->set_name(p[0]);
    if (*p[1] != '\0') phase->set_start(y + p[1]);
    phase->set_end(y + p[2]);
  }
  schedule->mutable_duties()->Reserve(count);
  const int units = c->units_size();
  for (int i = 0; i < count; ++i) {
    v1::Duty* d = schedule->add_duties();
    d->set_id("duty" + std::to_string(i));
    d->set_title("报送材料" + std::to_string(i));
    d->set_owner_unit_id(c->units(static_cast<int>(rng() % units)).id());
    d->set_non_working_day(static_cast<v1::NonWorkingDayPolicy>(1 + rng() % 3));
    v1::DutyRule* r = d->mutable_rule();
    int pick = static_cast<int>(rng() % 100);
    auto weekday = [&] { return static_cast<v1::Weekday>(1 + rng() % 5); };
    if (pick < 30) {
      r->mutable_monthly()->set_day(static_cast<int>(1 + rng() % 31));
    } else if (pick < 45) {
      r->mutable_weekly()->set_weekday(weekday());
    } else if (pick < 55) {
      auto* w = r->mutable_every_n_weeks();
      w->set_interval(2);
      w->set_weekday(weekday());
      w->set_start(y + "-01-06");
    } else if (pick < 65) {
      r->mutable_semi_monthly();
    } else if (pick < 75) {
      auto* m = r->mutable_every_n_months();
      m->set_interval(3);
      m->set_start_month(y + "-01");
      m->set_day(static_cast<int>(1 + rng() % 28));
    } else if (pick < 80) {
      r->mutable_month_end();
      d->add_active_phase_ids("rectify");
    } else if (pick < 85) {
      r->mutable_yearly()->set_month(static_cast<int>(1 + rng() % 12));
      r->mutable_yearly()->set_day(static_cast<int>(1 + rng() % 28));
    } else if (pick < 95) {
      char date[16];
      std::snprintf(date, sizeof date, "%d-%02d-%02d", year,
                    static_cast<int>(1 + rng() % 12),
                    static_cast<int>(1 + rng() % 28));
      r->mutable_one_off()->set_date(date);
    } else {
      auto* w = r->mutable_every_n_working_days();
      w->set_interval(static_cast<int>(5 + rng() % 16));
      w->set_start(y + "-01-02");
    }
  }
}

}  // namespace chuangwen::bench
