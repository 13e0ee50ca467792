package testtool

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// placeholder is a named field of a message: {name}.
var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// Text is one two-language message literal found in a package's source.
type Text struct {
	Pos    string // file:line
	Zh, En string
}

// Texts returns the {Chinese, English} literals of the package in dir:
// composite literals of a type named in types (e.g. "msg", "Text",
// "reconcile.Text"), written out or elided in a map or slice of one, and
// calls of a function named there (e.g. "io.t") with two arguments, both
// string literals (or sums of them). Test files are skipped.
func Texts(t testing.TB, dir string, types ...string) []Text {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	isText := func(e ast.Expr) bool {
		switch x := e.(type) {
		case *ast.Ident:
			return slices.Contains(types, x.Name)
		case *ast.SelectorExpr:
			if p, ok := x.X.(*ast.Ident); ok {
				return slices.Contains(types, p.Name+"."+x.Sel.Name)
			}
		}
		return false
	}
	var out []Text
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		take := func(lit *ast.CompositeLit) {
			if len(lit.Elts) != 2 {
				return
			}
			zh, ok1 := stringOf(lit.Elts[0])
			en, ok2 := stringOf(lit.Elts[1])
			if ok1 && ok2 {
				p := fset.Position(lit.Pos())
				out = append(out, Text{filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line), zh, en})
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && isText(call.Fun) {
				take(&ast.CompositeLit{Lbrace: call.Lparen, Elts: call.Args})
				return true
			}
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if isText(lit.Type) {
				take(lit)
				return true
			}
			var elem ast.Expr
			switch x := lit.Type.(type) {
			case *ast.MapType:
				elem = x.Value
			case *ast.ArrayType:
				elem = x.Elt
			}
			if elem == nil || !isText(elem) {
				return true
			}
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				if c, ok := e.(*ast.CompositeLit); ok && c.Type == nil {
					take(c)
				}
			}
			return true
		})
	}
	return out
}

// stringOf is the value of a string literal, or of a sum of them.
func stringOf(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringOf(x.X)
		b, ok2 := stringOf(x.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return stringOf(x.X)
	}
	return "", false
}

// CheckTexts fails for every two-language literal of the package in dir
// whose languages place different named fields, or whose Chinese is not
// Chinese (a text the same in both, such as "{detail}", is let be), and
// when it finds fewer than min literals (the walk found the catalogue).
func CheckTexts(t *testing.T, dir string, min int, types ...string) {
	t.Helper()
	texts := Texts(t, dir, types...)
	if len(texts) < min {
		t.Fatalf("%s: %d messages found, want at least %d", dir, len(texts), min)
	}
	for _, x := range texts {
		fz, fe := placeholder.FindAllString(x.Zh, -1), placeholder.FindAllString(x.En, -1)
		slices.Sort(fz)
		slices.Sort(fe)
		if !slices.Equal(slices.Compact(fz), slices.Compact(fe)) {
			t.Errorf("%s: fields differ: %q has %v, %q has %v", x.Pos, x.Zh, fz, x.En, fe)
		}
		if x.Zh != x.En && !hasHan(x.Zh) {
			t.Errorf("%s: %q is not Chinese", x.Pos, x.Zh)
		}
		if strings.TrimSpace(x.En) == "" && strings.TrimSpace(x.Zh) != "" {
			t.Errorf("%s: %q has no English", x.Pos, x.Zh)
		}
	}
}

// hasHan reports whether s has a Chinese character or full-width
// punctuation (（）；：).
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			return true
		}
	}
	return false
}
