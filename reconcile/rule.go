package reconcile

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// CheckRule is a check users declare in the spec (审核公式): a comparison of
// two expressions over a row's cells or over indicator totals.
type CheckRule struct {
	ID       string
	Text     string // the expression as written
	Expr     *Expr
	Severity Severity
	Message  string
	Line     int
}

// Expr is a parsed rule: Left Op Right.
type Expr struct {
	Left, Right node
	Op          string // = <= >= < > !=
	// Totals is true when the rule compares indicator totals (sum(…)) per
	// period; otherwise it compares cells of one row.
	Totals bool
}

// Ref names an indicator and optionally a measure: tax, tax.ytd, 税收收入.本月.
type Ref struct {
	Name    string
	Measure Measure // "" means the indicator's own figure (本月, 期末数 or 本年)
}

type node interface {
	eval(lookup func(Ref) (decimal.Decimal, bool)) (decimal.Decimal, error)
	refs(add func(*Ref))
}

type lit struct{ v decimal.Decimal }
type ref struct {
	r   Ref
	sum bool
}
type neg struct{ x node }
type bin struct {
	op   byte
	l, r node
}

// divScale is the number of decimal places a division in a rule keeps.
const divScale = 20

var errMissing = fmt.Errorf("a figure it needs is missing")

func (n lit) eval(func(Ref) (decimal.Decimal, bool)) (decimal.Decimal, error) { return n.v, nil }
func (n lit) refs(func(*Ref))                                                 {}
func (n *ref) eval(look func(Ref) (decimal.Decimal, bool)) (decimal.Decimal, error) {
	v, ok := look(n.r)
	if !ok {
		return decimal.Decimal{}, errMissing
	}
	return v, nil
}
func (n *ref) refs(add func(*Ref)) { add(&n.r) }
func (n neg) eval(look func(Ref) (decimal.Decimal, bool)) (decimal.Decimal, error) {
	v, err := n.x.eval(look)
	return v.Neg(), err
}
func (n neg) refs(add func(*Ref)) { n.x.refs(add) }
func (n bin) eval(look func(Ref) (decimal.Decimal, bool)) (decimal.Decimal, error) {
	a, err := n.l.eval(look)
	if err != nil {
		return a, err
	}
	b, err := n.r.eval(look)
	if err != nil {
		return b, err
	}
	switch n.op {
	case '+':
		return a.Add(b), nil
	case '-':
		return a.Sub(b), nil
	case '*':
		return a.Mul(b), nil
	}
	if b.IsZero() {
		return decimal.Decimal{}, fmt.Errorf("division by zero")
	}
	return a.DivRound(b, divScale), nil
}
func (n bin) refs(add func(*Ref)) { n.l.refs(add); n.r.refs(add) }

// Refs calls add with every reference of the rule, so a spec loader can
// resolve names to indicator codes in place.
func (e *Expr) Refs(add func(*Ref)) {
	e.Left.refs(add)
	e.Right.refs(add)
}

// Eval evaluates both sides and the comparison, exactly.
func (e *Expr) Eval(lookup func(Ref) (decimal.Decimal, bool)) (holds bool, left, right decimal.Decimal, err error) {
	if left, err = e.Left.eval(lookup); err != nil {
		return false, left, right, err
	}
	if right, err = e.Right.eval(lookup); err != nil {
		return false, left, right, err
	}
	c := left.Cmp(right)
	switch e.Op {
	case "=":
		holds = c == 0
	case "!=":
		holds = c != 0
	case "<":
		holds = c < 0
	case "<=":
		holds = c <= 0
	case ">":
		holds = c > 0
	case ">=":
		holds = c >= 0
	}
	return holds, left, right, nil
}

var measureWords = map[string]Measure{
	"month": MonthValue, "ytd": YTDValue, "level": LevelValue, "year": YearValue,
	"本月": MonthValue, "本年累计": YTDValue, "期末数": LevelValue, "本年": YearValue,
}

// ParseExpr parses a rule such as "sum(hightech_total) <= sum(above_scale)"
// or "tax.ytd >= tax.month". Names are not resolved here.
func ParseExpr(s string) (*Expr, error) {
	p := &parser{src: []rune(s)}
	left, err := p.sum()
	if err != nil {
		return nil, err
	}
	op := p.cmp()
	if op == "" {
		return nil, p.errorAt(Text{"应为比较符（=、!=、<、<=、>、>=）", "expected a comparison (=, !=, <, <=, >, >=)"}, nil)
	}
	right, err := p.sum()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.src) {
		return nil, p.errorAt(unexpected, Fields{"char": string(p.src[p.pos])})
	}
	e := &Expr{Left: left, Right: right, Op: op}
	sums, cells := 0, 0
	walk(left, &sums, &cells)
	walk(right, &sums, &cells)
	switch {
	case sums > 0 && cells > 0:
		return nil, Problemf(Text{"规则要么比较合计 sum(…)，要么比较同一行的单元格，不能混用", "a rule compares either totals, sum(…), or a row's cells, not both"}, nil)
	case sums+cells == 0:
		return nil, Problemf(Text{"规则至少要用到一个指标", "a rule needs at least one indicator"}, nil)
	}
	e.Totals = sums > 0
	return e, nil
}

func walk(n node, sums, cells *int) {
	switch x := n.(type) {
	case *ref:
		if x.sum {
			*sums++
		} else {
			*cells++
		}
	case neg:
		walk(x.x, sums, cells)
	case bin:
		walk(x.l, sums, cells)
		walk(x.r, sums, cells)
	}
}

type parser struct {
	src   []rune
	pos   int
	depth int
}

// errorAt says what is wrong at the parser's position, in both languages.
func (p *parser) errorAt(t Text, f Fields) error {
	fields := Fields{"at": p.pos + 1}
	for k, v := range f {
		fields[k] = v
	}
	return Problemf(Text{"第 {at} 个字符处：" + t[0], "at character {at}: " + t[1]}, fields)
}

var unexpected = Text{"不应出现“{char}”", "unexpected \"{char}\""}

func (p *parser) space() {
	for p.pos < len(p.src) && unicode.IsSpace(p.src[p.pos]) {
		p.pos++
	}
}

func (p *parser) peek() rune {
	p.space()
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// comparisons, longest first; each maps to the operator Eval knows.
var comparisons = []struct{ written, op string }{
	{"<=", "<="}, {">=", ">="}, {"!=", "!="}, {"==", "="}, {"≤", "<="}, {"≥", ">="}, {"=", "="}, {"<", "<"}, {">", ">"},
}

func (p *parser) cmp() string {
	p.space()
	for _, c := range comparisons {
		if strings.HasPrefix(string(p.src[p.pos:]), c.written) {
			p.pos += len([]rune(c.written))
			return c.op
		}
	}
	return ""
}

const maxDepth = 50

func (p *parser) sum() (node, error) {
	l, err := p.term()
	for err == nil {
		c := p.peek()
		if c != '+' && c != '-' {
			return l, nil
		}
		p.pos++
		var r node
		if r, err = p.term(); err == nil {
			l = bin{byte(c), l, r}
		}
	}
	return nil, err
}

func (p *parser) term() (node, error) {
	l, err := p.unary()
	for err == nil {
		c := p.peek()
		if c != '*' && c != '/' && c != '×' && c != '÷' {
			return l, nil
		}
		p.pos++
		op := map[rune]byte{'*': '*', '×': '*', '/': '/', '÷': '/'}[c]
		var r node
		if r, err = p.unary(); err == nil {
			l = bin{op, l, r}
		}
	}
	return nil, err
}

func (p *parser) unary() (node, error) {
	if p.depth++; p.depth > maxDepth {
		return nil, p.errorAt(Text{"括号嵌套过深", "nested too deeply"}, nil)
	}
	defer func() { p.depth-- }()
	switch c := p.peek(); {
	case c == '-':
		p.pos++
		x, err := p.unary()
		return neg{x}, err
	case c == '(':
		p.pos++
		x, err := p.sum()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, p.errorAt(Text{"缺少右括号 )", "expected )"}, nil)
		}
		p.pos++
		return x, nil
	case c >= '0' && c <= '9' || c == '.':
		start := p.pos
		for p.pos < len(p.src) && (p.src[p.pos] >= '0' && p.src[p.pos] <= '9' || p.src[p.pos] == '.') {
			p.pos++
		}
		v, err := decimal.NewFromString(string(p.src[start:p.pos]))
		if err != nil {
			return nil, p.errorAt(Text{"“{number}”不是数字", "\"{number}\" is not a number"}, Fields{"number": string(p.src[start:p.pos])})
		}
		return lit{v}, nil
	case isNameRune(c):
		name := p.name()
		if name == "sum" && p.peek() == '(' {
			p.pos++
			r, err := p.ref()
			if err != nil {
				return nil, err
			}
			if p.peek() != ')' {
				return nil, p.errorAt(Text{"sum({name} 后缺少右括号 )", "expected ) after sum({name}"}, Fields{"name": r.Name})
			}
			p.pos++
			return &ref{r, true}, nil
		}
		r, err := p.refAfter(name)
		return &ref{r, false}, err
	case c == 0:
		return nil, p.errorAt(Text{"表达式不完整", "unexpected end"}, nil)
	default:
		return nil, p.errorAt(unexpected, Fields{"char": string(c)})
	}
}

func isNameRune(c rune) bool {
	return c == '_' || unicode.IsLetter(c) || unicode.Is(unicode.Han, c) || c == '“' || c == '”'
}

func (p *parser) name() string {
	p.space()
	start := p.pos
	for p.pos < len(p.src) && (isNameRune(p.src[p.pos]) || unicode.IsDigit(p.src[p.pos])) {
		p.pos++
	}
	return string(p.src[start:p.pos])
}

func (p *parser) ref() (Ref, error) {
	if !isNameRune(p.peek()) {
		return Ref{}, p.errorAt(Text{"此处应为指标", "expected an indicator"}, nil)
	}
	return p.refAfter(p.name())
}

func (p *parser) refAfter(name string) (Ref, error) {
	r := Ref{Name: name}
	if p.peek() == '.' {
		p.pos++
		m := p.name()
		measure, ok := measureWords[m]
		if !ok {
			return r, p.errorAt(Text{"“{measure}”不是口径（month、ytd、level、year）", "\"{measure}\" is not a measure (month, ytd, level, year)"}, Fields{"measure": m})
		}
		r.Measure = measure
	}
	return r, nil
}
