package reconcile

import (
	"fmt"
	"strconv"
	"strings"
)

// Period is a report period: a month (Month 1–12) or a whole year (Month 0).
type Period struct {
	Year  int
	Month int
}

// ParsePeriod reads "2020-07" or "2020".
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	y, m, hasMonth := strings.Cut(s, "-")
	year, err := strconv.Atoi(y)
	if err != nil || len(y) != 4 {
		return Period{}, fmt.Errorf("period %q: want YYYY or YYYY-MM", s)
	}
	p := Period{Year: year}
	if hasMonth {
		month, err := strconv.Atoi(m)
		if err != nil || len(m) != 2 || month < 1 || month > 12 {
			return Period{}, fmt.Errorf("period %q: want YYYY or YYYY-MM", s)
		}
		p.Month = month
	}
	return p, nil
}

// IsMonth reports whether p is a single month.
func (p Period) IsMonth() bool { return p.Month != 0 }

// Prev returns the month before p; only meaningful for months.
func (p Period) Prev() Period {
	if p.Month == 1 {
		return Period{p.Year - 1, 12}
	}
	return Period{p.Year, p.Month - 1}
}

// Before orders periods: years before their months' successors, months in time.
func (p Period) Before(q Period) bool {
	if p.Year != q.Year {
		return p.Year < q.Year
	}
	return p.Month < q.Month
}

func (p Period) String() string {
	if p.Month == 0 {
		return strconv.Itoa(p.Year)
	}
	return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
}

// Span is an inclusive range of years, as in 十三五 (2016–2020). A single
// year is a span with From == To.
type Span struct {
	From, To int
}

// ParseSpan reads "2016-2020" or a single year "2020".
func ParseSpan(s string) (Span, error) {
	s = strings.TrimSpace(s)
	a, b, isRange := strings.Cut(s, "-")
	from, err1 := strconv.Atoi(a)
	to := from
	var err2 error
	if isRange {
		to, err2 = strconv.Atoi(b)
	}
	if err1 != nil || err2 != nil || len(a) != 4 || (isRange && len(b) != 4) || to < from {
		return Span{}, Problemf(Text{"期间“{period}”应为年份 YYYY 或年份区间 YYYY-YYYY", "period \"{period}\": want a year YYYY or a span YYYY-YYYY"}, Fields{"period": s})
	}
	return Span{from, to}, nil
}

// Years is the number of years in the span.
func (s Span) Years() int { return s.To - s.From + 1 }

func (s Span) String() string {
	if s.From == s.To {
		return strconv.Itoa(s.From)
	}
	return fmt.Sprintf("%d-%d", s.From, s.To)
}
