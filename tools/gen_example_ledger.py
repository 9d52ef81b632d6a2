#!/usr/bin/env python3
"""Writes examples/ledger.textproto: an invented supervision ledger for the
example campaign, March to October 2025.

Findings from daily supervision, leaders' supervision, public reports and the
city's covert inspections; notices with deadlines; rectifications on time,
late, rejected, extended, placed on the long-term ledger or still open;
reminders, bulletins and one 约谈 escalation. Every unit, person and problem is
made up. The file is generated once and kept; this script shows how.
"""
import datetime as dt
import random

rng = random.Random(20250301)

# Responsible units, the person who acts for each, their usual problems and
# inspection points.
UNITS = {
    "srk": ("chensq", "占道经营", ["p-nmsc", ""]),
    "hwk": ("linxd", "垃圾清运", ["p-bjxx", "p-gjz"]),
    "ghk": ("zhengwb", "户外广告", ["p-gg", ""]),
    "xck": ("liangxy", "公益广告", [""]),
    "zfdd": ("hejh", "违章搭建", [""]),
    "zfdd1": ("gaop", "占道经营", ["p-zd"]),
}
DESCRIPTIONS = {
    "占道经营": ["农贸市场东侧流动摊点占道经营", "学府路早餐摊点占用人行道", "店外经营、乱堆乱放"],
    "垃圾清运": ["背街小巷垃圾未及时清运", "公交站台周边垃圾桶满溢", "绿化带内有积存垃圾"],
    "户外广告": ["门头牌匾破损未修复", "违规设置落地广告牌", "广告灯箱亮化不全"],
    "公益广告": ["围挡公益广告覆盖率不足", "公益广告画面褪色破损"],
    "违章搭建": ["临街商铺违规搭建遮阳棚", "小区内违章搭建未拆除"],
}
SOURCES = [("DAILY_SUPERVISION", "xul", ""), ("DAILY_SUPERVISION", "hejh", ""),
           ("LEADER_SUPERVISION", "sunhy", ""), ("PUBLIC_REPORT", "xul", "12345热线"),
           ("PUBLIC_REPORT", "wuyq", "微信公众号"), ("HIGHER_INSPECTION", "xul", "")]
SUPERVISORS = ["xul", "sunhy"]
END = dt.date(2025, 10, 31)

events = []  # (date, hour, text)


def at(d, hour):
    return f"{d.isoformat()}T{hour:02d}:00:00Z"


def event(d, hour, eid, item, actor, body, reason=""):
    if d > END:
        return
    r = f' reason: "{reason}"' if reason else ""
    events.append((d, hour, eid,
                   f'events {{ id: "{eid}" item_id: "{item}" actor: "{actor}" at: "{at(d, hour)}"{r}\n'
                   f'         {body} }}'))


def weekday_after(d, days):
    d = d + dt.timedelta(days=days)
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


n = 0
for month in range(3, 11):
    for k in range(rng.randint(4, 6)):
        n += 1
        unit = rng.choice(list(UNITS))
        actor, category, points = UNITS[unit]
        source, issuer, channel = rng.choice(SOURCES)
        if source == "PUBLIC_REPORT":
            issuer = rng.choice(["xul", "wuyq"])  # Public reports enter through the office.
        elif issuer == "hejh" and unit in ("zfdd", "zfdd1"):
            issuer = "xul"  # Nobody supervises their own team.
        found = weekday_after(dt.date(2025, month, 1), rng.randint(0, 24))
        issued = weekday_after(found, 1)
        deadline = issued + dt.timedelta(days=rng.choice([7, 10, 14]))
        item = f"dc-2025-{n:03d}"
        point = rng.choice(points)
        severity = rng.choices(["MINOR", "GENERAL", "SERIOUS"], [3, 6, 1])[0]
        flags = ""
        if source == "LEADER_SUPERVISION":
            flags = ' flags: "领导交办"'
        elif channel == "微信公众号" and rng.random() < 0.5:
            flags = ' flags: "媒体曝光"'
        ch = f' channel: "{channel}"' if channel else ""
        pt = f' point_id: "{point}"' if point else ""
        found_by = channel if source == "PUBLIC_REPORT" else issuer
        desc = rng.choice(DESCRIPTIONS[category])
        event(issued, 2, f"{item}-1", item, issuer,
              f'issue {{ unit_id: "{unit}" deadline: "{deadline.isoformat()}"\n'
              f'           required_result: "按标准整改到位并报送整改前后照片"\n'
              f'           findings {{ id: "f{n:03d}" source: {source}{ch} found_on: "{found.isoformat()}"\n'
              f'                      found_by: "{found_by}" unit_id: "{unit}" category: "{category}"\n'
              f'                      severity: {severity} description: "{desc}"{pt}{flags} }} }}')
        verifier = rng.choice(SUPERVISORS)
        fate = rng.choices(["on_time", "late", "rejected", "extended", "long_term", "open"],
                           [8, 3, 2, 2, 1, 2])[0]
        if month >= 10 and fate in ("late", "rejected", "extended"):
            fate = "open"
        event(issued + dt.timedelta(days=1), 1, f"{item}-2", item, actor, "start {}")
        if fate == "on_time":
            s = issued + dt.timedelta(days=rng.randint(3, (deadline - issued).days))
            event(s, 3, f"{item}-3", item, actor, 'submit { evidence: "photos/' + item + '-after.jpg" }')
            event(s + dt.timedelta(days=2), 4, f"{item}-4", item, verifier, "verify {}")
        elif fate == "late":
            event(deadline + dt.timedelta(days=2), 2, f"{item}-3", item, "xul", "remind { level: 1 }")
            s = deadline + dt.timedelta(days=rng.randint(4, 9))
            event(s, 3, f"{item}-4", item, actor, 'submit { evidence: "photos/' + item + '-after.jpg" }')
            event(s + dt.timedelta(days=1), 4, f"{item}-5", item, verifier, "verify {}")
        elif fate == "rejected":
            s = deadline - dt.timedelta(days=1)
            event(s, 3, f"{item}-3", item, actor, 'submit { evidence: "photos/' + item + '-after.jpg" }')
            nd = s + dt.timedelta(days=10)
            event(s + dt.timedelta(days=1), 4, f"{item}-4", item, verifier,
                  f'reject {{ new_deadline: "{nd.isoformat()}" }}', "复查发现问题反弹，整改不到位")
            event(nd - dt.timedelta(days=2), 3, f"{item}-5", item, actor, "submit {}")
            event(nd, 4, f"{item}-6", item, verifier, "verify {}")
        elif fate == "extended":
            until = deadline + dt.timedelta(days=15)
            event(issued + dt.timedelta(days=3), 3, f"{item}-3", item, actor,
                  f'request_extension {{ until: "{until.isoformat()}" }}', "涉及多部门联合整治，需延期")
            event(issued + dt.timedelta(days=4), 4, f"{item}-4", item, "sunhy",
                  "decide_extension { approved: true }")
            event(until - dt.timedelta(days=1), 3, f"{item}-5", item, actor, "submit {}")
            event(until + dt.timedelta(days=1), 4, f"{item}-6", item, verifier, "verify {}")
        elif fate == "long_term":
            plan = issued + dt.timedelta(days=120)
            event(issued + dt.timedelta(days=3), 4, f"{item}-3", item, "xul",
                  f'long_term {{ plan_date: "{plan.isoformat()}" }}', "需结合道路改造工程一并整改，挂账督办")
        else:  # Still open: reminders, and a bulletin when long overdue.
            late = deadline + dt.timedelta(days=2)
            event(late, 2, f"{item}-3", item, "xul", "remind { level: 1 }")
            if late + dt.timedelta(days=10) <= END:
                event(late + dt.timedelta(days=10), 2, f"{item}-4", item, "xul",
                      'bulletin { number: "东城管督通〔2025〕' + str(month + 2) + '号" }')

# Two bulletined 占道经营 items of 市容科 that were not rectified, and the 约谈
# it led to, approved by the bureau chief.
for i, (d, item) in enumerate([(dt.date(2025, 9, 8), "dc-2025-901"), (dt.date(2025, 9, 15), "dc-2025-902")]):
    event(d, 2, f"{item}-1", item, "xul",
          f'issue {{ unit_id: "srk" deadline: "{(d + dt.timedelta(days=7)).isoformat()}"\n'
          f'           required_result: "取缔流动摊点，建立长效管理机制"\n'
          f'           findings {{ id: "f9{i}" source: DAILY_SUPERVISION found_on: "{(d - dt.timedelta(days=1)).isoformat()}"\n'
          f'                      found_by: "xul" unit_id: "srk" category: "占道经营" severity: GENERAL\n'
          f'                      description: "农贸市场周边占道经营反复出现" point_id: "p-nmsc" }} }}')
    event(d + dt.timedelta(days=10), 3, f"{item}-2", item, "xul", 'bulletin { number: "东城管督通〔2025〕11号" }')
event(dt.date(2025, 10, 9), 5, "esc-2025-1-1", "esc-2025-1", "xul",
      'propose_escalation { unit_id: "srk" measure: INTERVIEW rule_id: "interview"\n'
      '         item_ids: "dc-2025-901" item_ids: "dc-2025-902" }',
      "占道经营问题两次通报仍未整改")
event(dt.date(2025, 10, 10), 6, "esc-2025-1-2", "esc-2025-1", "zhoumy",
      "decide_escalation { approved: true }", "同意约谈市容科负责人")

events.sort(key=lambda e: (e[0], e[1], e[2]))
print("# An invented supervision ledger for examples/campaign.textproto.")
print("# Generated by tools/gen_example_ledger.py; every unit, person and problem is made up.")
print("# proto-file: proto/chuangwen/v1/ledger.proto")
print("# proto-message: chuangwen.v1.LedgerEventBatch")
print()
for _, _, _, text in events:
    print(text)
