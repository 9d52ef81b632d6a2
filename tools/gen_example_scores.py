#!/usr/bin/env python3
"""Writes the invented assessment block of examples/campaign.textproto.

The block (schemes, components, a year of monthly and quarterly scores for the
example's units, one veto) is printed on stdout; it is generated once and kept
in the example, this script stays to show how and to regenerate it.
"""
import random

UNITS = ["bgs", "srk", "hwk", "ghk", "xck", "zfdd", "zfdd1"]
GROUPS = {u: "科室" for u in UNITS[:5]}
GROUPS.update({"zfdd": "执法队伍", "zfdd1": "执法队伍"})
# A per-unit level so that rankings are stable enough to be interesting.
LEVEL = {"bgs": 0.92, "srk": 0.85, "hwk": 0.80, "ghk": 0.76, "xck": 0.88, "zfdd": 0.82, "zfdd1": 0.74}

SCHEMES = '''  schemes {
    id: "monthly" name: "专项整治考核"
    indicators { id: "M1" name: "市容环境整治" points: 40 }
    indicators { id: "M11" parent_id: "M1" name: "占道经营整治" points: 15 task_id: "1.1" direct {} }
    indicators { id: "M12" parent_id: "M1" name: "门头牌匾规范" points: 10 task_id: "1.2" direct {} }
    indicators { id: "M13" parent_id: "M1" name: "背街小巷卫生" points: 15 task_id: "1.3" direct {} }
    indicators { id: "M2" name: "督查整改" points: 30 }
    indicators { id: "M21" parent_id: "M2" name: "督查问题整改" points: 20 task_id: "3.3"
      deduction { per_occurrence: 2 cap: 20 floor_at_zero: true
                  factors { flag: "领导交办" factor: 2 } factors { flag: "媒体曝光" factor: 2 }
                  excluded_flags: "approved_extension" } }
    indicators { id: "M22" parent_id: "M2" name: "整改按时完成率" points: 10 task_id: "3.3" ratio {} }
    indicators { id: "M3" name: "资料报送" points: 30 }
    indicators { id: "M31" parent_id: "M3" name: "材料按时报送" points: 10 task_id: "3.2" pass_fail {} }
    indicators { id: "M32" parent_id: "M3" name: "工作台账" points: 10 task_id: "3.1" direct {} }
    indicators { id: "M33" parent_id: "M3" name: "信息报送率" points: 10 task_id: "3.2"
      deduction { target_rate: 0.95 per_point_below: 0.5 floor_at_zero: true } }
    indicators { id: "MX" name: "创新工作加分" bonus { cap: 5 } }
  }
  schemes {
    id: "quarterly" name: "重点工作考核"
    indicators { id: "Q" name: "重点工作" points: 100 }
    indicators { id: "Q1" parent_id: "Q" name: "核心价值观宣传" points: 100 weight: 0.3 task_id: "2.1" direct {} }
    indicators { id: "Q2" parent_id: "Q" name: "志愿服务参与率" points: 100 weight: 0.3 task_id: "2.2" ratio {} }
    indicators { id: "Q3" parent_id: "Q" name: "诚信建设" points: 100 weight: 0.2 task_id: "2.3" pass_fail {} }
    indicators { id: "Q4" parent_id: "Q" name: "文明餐桌" points: 100 weight: 0.2 task_id: "2.5" direct {} }
  }
  components { id: "special" name: "专项整治考核" scheme_id: "monthly" period_kind: MONTH
               aggregation: MEAN normalization: NONE weight: 0.6 }
  components { id: "key-work" name: "重点工作考核" scheme_id: "quarterly" period_kind: QUARTER
               aggregation: MEAN normalization: NONE weight: 0.4 }
  grades { name: "优秀" min_score: 90 }
  grades { name: "良好" min_score: 80 }
  grades { name: "合格" min_score: 60 }
  fail_grade: "不合格"
  commend: 2
  criticize: 1
  ties: COMPETITION
'''


def direct(rng, level, points):
    return round(min(points, max(0, points * (level + rng.uniform(-0.12, 0.1)))), 1)


def input_line(unit, indicator, period, value):
    return (f'  inputs {{ unit_id: "{unit}" indicator_id: "{indicator}" '
            f'period: "{period}" {value} }}')


def main():
    rng = random.Random(20250310)
    out = ["assessment {", SCHEMES.rstrip("\n")]
    for unit, group in GROUPS.items():
        out.append(f'  groups {{ unit_id: "{unit}" group: "{group}" }}')
    out.append('  vetoes { unit_id: "zfdd1" period: "2025-08" '
               'reason: "辖区发生占道经营问题被媒体曝光且未按期整改" }')
    for month in range(1, 13):
        period = f"2025-{month:02d}"
        for unit in UNITS:
            lv = LEVEL[unit]
            def add(ind, value, unit=unit, period=period):
                out.append(input_line(unit, ind, period, value))
            add("M11", f"score: {direct(rng, lv, 15)}")
            add("M12", f"score: {direct(rng, lv, 10)}")
            add("M13", f"score: {direct(rng, lv, 15)}")
            items = []
            for k in range(rng.randint(0, int(6 * (1.05 - lv) * 4))):
                flag = rng.choice(["", "", "", "领导交办", "媒体曝光", "approved_extension"])
                items.append(f'items {{ ref: "{unit}-{period}-{k}"' +
                             (f' flags: "{flag}"' if flag else "") + " }")
            add("M21", "occurrences { " + " ".join(items) + " }")
            due = rng.randint(3, 8)
            add("M22", f"ratio {{ numerator: {min(due, round(due * (lv + rng.uniform(0, 0.2))))} "
                       f"denominator: {due} }}")
            add("M31", f"passed: {'true' if rng.random() < lv + 0.1 else 'false'}")
            add("M32", f"score: {direct(rng, lv, 10)}")
            add("M33", f"occurrences {{ rate: {round(min(1, lv + rng.uniform(0, 0.15)), 2)} has_rate: true }}")
            if rng.random() < 0.15:
                add("MX", f"bonus: {rng.choice([1, 2, 3, 6])}")
    for quarter in range(1, 5):
        period = f"2025-Q{quarter}"
        for unit in UNITS:
            lv = LEVEL[unit]
            def add(ind, value, unit=unit, period=period):
                out.append(input_line(unit, ind, period, value))
            add("Q1", f"score: {direct(rng, lv, 100)}")
            staff = rng.randint(6, 20)
            add("Q2", f"ratio {{ numerator: {min(staff, round(staff * (lv + rng.uniform(-0.1, 0.15))))} "
                      f"denominator: {staff} }}")
            add("Q3", f"passed: {'true' if rng.random() < lv + 0.12 else 'false'}")
            add("Q4", f"score: {direct(rng, lv, 100)}")
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
