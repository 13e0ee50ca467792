package main

import (
	"regexp"
	"strconv"

	"github.com/jingwu/tally/reconcile"
)

// periodFlag matches how people write a month or a year on a command line:
// 2021-06, 2021-6, 2021/6, 2021.6, 2021年6月, 2021年, 2021.
var periodFlag = regexp.MustCompile(`^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?)?\s*年?\s*$`)

// parsePeriodFlag reads a --period or --as-of value.
func parsePeriodFlag(s string) (reconcile.Period, bool) {
	m := periodFlag.FindStringSubmatch(s)
	if m == nil {
		return reconcile.Period{}, false
	}
	y, _ := strconv.Atoi(m[1])
	p := reconcile.Period{Year: y}
	if m[2] != "" {
		p.Month, _ = strconv.Atoi(m[2])
		if p.Month < 1 || p.Month > 12 {
			return reconcile.Period{}, false
		}
	}
	return p, true
}
