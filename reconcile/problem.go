package reconcile

// Problem is an error that says itself in either language: a text placing
// named fields, like the findings' catalogue. The adapters and commands
// print it in the user's language (In); Error is the English.
type Problem struct {
	Text   Text
	Fields Fields
}

// Problemf returns a problem saying t with its fields.
func Problemf(t Text, f Fields) *Problem { return &Problem{t, f} }

func (p *Problem) Error() string { return p.In(English) }

// In says the problem in lang.
func (p *Problem) In(lang Lang) string { return Fill(p.Text, p.Fields, lang) }
