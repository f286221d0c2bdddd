#!/usr/bin/env python3
"""Checks a budget performance plan given as the JSON of `perfplan build --to json`.

The baseline of the CPU-time target in `benches/throughput.rs` (issue 17):
what a finance bureau might write by hand to vet the same data, with the
standard library only. It loads the whole file with `json.load` and checks:

1. the format: `schema_version` is 1, and the plan has its year,
   department, money unit, budget units, total and projects;
2. budget units: their codes are unique, and a project's unit is one of
   them (same code and name);
3. projects: ids unique, codes (when given) unique, a non-empty name;
4. funds: every amount is a decimal of at most two places and not
   negative, and the sources add up to the total exactly (总额 = 财政资金 +
   其他资金 + the named sources);
5. the spending schedule: months 1 to 12 and days within the month, the
   checkpoints in date order with no day twice, the cumulative shares
   between 0 and 100 and never going down, the last at most 100% (in
   amounts: never going down, the last at most the project's total);
6. indicators: each project has at least one indicator in each first
   level its framework requires (classic: 产出 and 满意度; central-2021:
   产出, 成本 and 满意度), no two indicators of a project's year (or of its
   mid-term set) share a name,
   the target's kind is known, and by kind: a quantitative target's value
   parses as a number, its comparator (when given) is one of ≥ ≤ = > < and
   its dimension one of the known ones, a percentage lies within 0 to 100
   unless the name speaks of growth; a deadline's comparator is known and
   its date is `MM-DD`, `YYYY-MM-DD` or `N月底`; a qualitative text and a
   grade are not empty; a cost target in the plan's money unit (≤ or <)
   does not exceed the project's total;
7. the department: its total equals the sum of the projects' totals;
   every summary names a project of the plan, with that project's name
   and total, and no project has two summaries.

Prints `ok: …` and exits 0, or prints each problem found and exits 1.

    python3 benches/validate.py plan.json
"""

import json
import re
import sys
from decimal import Decimal, InvalidOperation

REQUIRED_LEVELS = {
    "classic": ("产出", "满意度"),
    "central-2021": ("产出", "成本", "满意度"),
}
COMPARATORS = {"≥", "≤", "=", ">", "<"}
DIMENSIONS = {
    "money", "percent", "count", "length", "area",
    "mass", "time", "rate", "volume", "energy",
}
TARGET_KINDS = {"quantitative", "deadline", "qualitative", "grade", "not_applicable"}
GROWTH_WORDS = ("增长", "增幅", "增速", "提高", "提升", "同比", "环比", "增加")
DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")
DEADLINE = re.compile(r"^(\d{4}-)?(\d{1,2})-(\d{1,2})$|^(\d{1,2})月(底|末)$")


class Problems:
    """The problems found, each with where it is."""

    def __init__(self):
        self.found = []

    def add(self, where, what):
        self.found.append(f"{where}: {what}")


def amount(text, where, problems):
    """A money amount as a Decimal, or None (and a problem) when it is not one."""
    if not isinstance(text, str) or not AMOUNT.match(text):
        problems.add(where, f"not an amount of at most two decimals: {text!r}")
        return None
    value = Decimal(text)
    if value < 0:
        problems.add(where, f"negative amount {text}")
    return value


def number(text):
    """A decimal number, or None."""
    try:
        return Decimal(text)
    except (InvalidOperation, TypeError):
        return None


def check_header(plan, problems):
    for key in ("year", "department", "money_unit", "budget_units", "total", "projects"):
        if key not in plan:
            problems.add("plan", f"no {key}")
    if plan.get("schema_version") != 1:
        problems.add("plan", f"schema_version {plan.get('schema_version')!r}, expected 1")
    units = {}
    for unit in plan.get("budget_units", []):
        if unit["code"] in units:
            problems.add(f"budget unit {unit['code']}", "code used twice")
        units[unit["code"]] = unit["name"]
    return units


def check_funds(funds, where, problems):
    """The project's total as a Decimal (None when it is not an amount)."""
    total = amount(funds["total"], where + " funds", problems)
    parts = [amount(s["amount"], f"{where} {s['name']}", problems) for s in funds["sources"]]
    if total is not None and parts and None not in parts and sum(parts) != total:
        problems.add(where, f"sources add up to {sum(parts)}, total is {total}")
    return total


def check_schedule(schedule, total, where, problems):
    last_day = None
    last_share = None
    last_amount = None
    for point in schedule:
        month, day = point["month"], point["day"]
        if not 1 <= month <= 12:
            problems.add(where, f"month {month} in the schedule")
            continue
        if day is None:
            day = DAYS_IN_MONTH[month - 1]
        elif not 1 <= day <= DAYS_IN_MONTH[month - 1]:
            problems.add(where, f"day {month}-{day} in the schedule")
        if last_day is not None and (month, day) <= last_day:
            problems.add(where, f"checkpoint {point['label']} out of order")
        last_day = (month, day)
        if point["share"] is not None:
            share = number(point["share"])
            if share is None or not 0 <= share <= 100:
                problems.add(where, f"share {point['share']}% at {point['label']}")
            elif last_share is not None and share < last_share:
                problems.add(where, f"share goes down to {share}% at {point['label']}")
            else:
                last_share = share
        if point["amount"] is not None:
            spent = amount(point["amount"], where, problems)
            if spent is not None:
                if last_amount is not None and spent < last_amount:
                    problems.add(where, f"amount goes down at {point['label']}")
                last_amount = spent
    if last_amount is not None and total is not None and last_amount > total:
        problems.add(where, f"schedule ends at {last_amount}, above the total {total}")


def check_target(row, total, money_unit, where, problems):
    target = row["target"]
    kind = target.get("kind")
    if kind not in TARGET_KINDS:
        problems.add(where, f"unknown target kind {kind!r}")
    elif kind == "quantitative":
        value = number(target["value"])
        comparator = target["comparator"]
        if value is None:
            problems.add(where, f"target value {target['value']!r} is not a number")
        if comparator is not None and comparator not in COMPARATORS:
            problems.add(where, f"unknown comparator {comparator!r}")
        dimension = target["dimension"]
        if dimension is not None and dimension not in DIMENSIONS:
            problems.add(where, f"unknown dimension {dimension!r}")
        if value is None:
            return
        if target["unit"] == "%" and not any(w in row["name"] for w in GROWTH_WORDS):
            if not 0 <= value <= 100:
                problems.add(where, f"{value}% is outside 0 to 100")
        is_cost = row["level2"]["id"] == "成本" or row["level1"]["id"] == "成本"
        if (is_cost and target["unit"] == money_unit and comparator in ("≤", "<")
                and total is not None and value > total):
            problems.add(where, f"cost {value} above the project's total {total}")
    elif kind == "deadline":
        if target["comparator"] not in COMPARATORS:
            problems.add(where, f"unknown comparator {target['comparator']!r}")
        if not DEADLINE.match(target["date"]):
            problems.add(where, f"deadline {target['date']!r} is not a date")
    elif kind == "qualitative" and not target["text"].strip():
        problems.add(where, "empty qualitative target")
    elif kind == "grade" and not target["grade"].strip():
        problems.add(where, "empty grade")


def check_indicators(project, total, plan, where, problems):
    names = set()
    levels = set()
    for row in project["indicators"]:
        name = row["name"]
        at = f"{where} indicator {name}"
        if not name.strip():
            problems.add(where, "an indicator without a name")
        key = (bool(row.get("midterm")), name)
        if key in names:
            problems.add(at, "name used twice")
        names.add(key)
        if not key[0]:
            levels.add(row["level1"]["id"])
        check_target(row, total, plan["money_unit"], at, problems)
    for level in REQUIRED_LEVELS.get(plan["framework"], ()):
        if level not in levels:
            problems.add(where, f"no {level} indicator")


def check_projects(plan, units, problems):
    """Each project's total by id."""
    totals = {}
    codes = set()
    for project in plan["projects"]:
        pid = project["id"]
        where = f"project {pid}"
        if pid in totals:
            problems.add(where, "id used twice")
        if not project["name"].strip():
            problems.add(where, "no name")
        code = project.get("code")
        if code is not None:
            if code in codes:
                problems.add(where, f"code {code} used twice")
            codes.add(code)
        unit = project.get("unit")
        if unit is not None and units.get(unit["code"]) != unit["name"]:
            problems.add(where, f"unit {unit['code']} is not a budget unit of the plan")
        total = check_funds(project["funds"], where, problems)
        check_schedule(project["schedule"], total, where, problems)
        check_indicators(project, total, plan, where, problems)
        totals[pid] = (project["name"], total)
    return totals


def check_department(plan, totals, problems):
    department = amount(plan["total"], "plan total", problems)
    amounts = [t for _, t in totals.values()]
    if department is not None and None not in amounts and sum(amounts) != department:
        problems.add("plan", f"total {department}, the projects add up to {sum(amounts)}")
    seen = set()
    for summary in plan.get("summaries", []):
        pid = summary["project"]
        where = f"summary {pid}"
        if pid in seen:
            problems.add(where, "project summarised twice")
        seen.add(pid)
        if pid not in totals:
            problems.add(where, "no such project")
            continue
        name, total = totals[pid]
        if summary["name"] != name:
            problems.add(where, f"name {summary['name']!r}, the project's is {name!r}")
        stated = amount(summary["amount"], where, problems)
        if stated is not None and total is not None and stated != total:
            problems.add(where, f"amount {stated}, the project's total is {total}")


def validate(plan):
    problems = Problems()
    units = check_header(plan, problems)
    totals = check_projects(plan, units, problems)
    check_department(plan, totals, problems)
    return problems.found


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: validate.py PLAN.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        plan = json.load(f)
    found = validate(plan)
    for problem in found:
        print(problem)
    if found:
        sys.exit(1)
    rows = sum(len(p["indicators"]) for p in plan["projects"])
    print(f"ok: {len(plan['projects'])} projects, {rows} indicators")


if __name__ == "__main__":
    main()
