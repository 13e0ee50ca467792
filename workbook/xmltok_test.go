package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// rawTokens lists a document's tokens as encoding/xml's RawToken gives
// them, in xmlTokens' terms; comments, directives and processing
// instructions are left out, as xmlTokens skips them.
func rawTokens(doc []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out []string
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s := "<" + t.Name.Local
			for _, a := range t.Attr {
				s += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, s+">")
		case xml.EndElement:
			out = append(out, "</"+t.Name.Local+">")
		case xml.CharData:
			out = append(out, fmt.Sprintf("%q", string(t)))
		}
	}
}

// ourTokens is rawTokens by xmlTokens, reading through r.
func ourTokens(r io.Reader) ([]string, error) {
	t := newXMLTokens(r)
	t.buf = make([]byte, 16) // small, so tokens straddle reads
	var out []string
	for {
		k, err := t.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch k {
		case tokStart:
			s := "<" + string(t.name)
			for _, a := range t.attrs {
				s += fmt.Sprintf(" %s=%q", a.name, a.value)
			}
			out = append(out, s+">")
		case tokEnd:
			out = append(out, "</"+string(t.name)+">")
		case tokText:
			out = append(out, fmt.Sprintf("%q", string(t.text)))
		}
	}
}

var xmlSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>1234.5</v></c><c r="C1"><f>A1+B1</f><v>3</v></c></row>` +
		`<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; </t></is></c></row>` +
		`</sheetData></worksheet>`,
	`<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row><x:c t='str'><x:v>&#x41;&#66;&quot;&apos;</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
	`<a><!-- comment --><b/>text<![CDATA[<raw> & ]]>more<c d = "1" e='>'/></a>`,
	"<a>line\r\nbreak\rcr</a>",
	`<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`,
	`<!DOCTYPE a><a>fine</a>`,
	`<a b="1"c="2"/>`,
	`<a>&unknown;</a>`,
	`<a>unterminated`,
	`<a b=1/>`,
	`<sst count="2"><si><t>甲</t></si><si><r><t>乙</t></r><rPh><t>yi</t></rPh></si></sst>`,
}

// On every document encoding/xml reads, xmlTokens gives the same tokens,
// whatever the size of the reads; it never panics on any other.
func FuzzXMLTokens(f *testing.F) {
	for _, s := range xmlSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		want, werr := rawTokens(doc)
		got, err := ourTokens(iotest.OneByteReader(bytes.NewReader(doc)))
		got2, err2 := ourTokens(bytes.NewReader(doc))
		if (err == nil) != (err2 == nil) || strings.Join(got, "\n") != strings.Join(got2, "\n") {
			t.Fatalf("depends on reads: %v / %v\n%q\n%q", err, err2, got, got2)
		}
		if werr != nil || !plainNames(doc) || directive(doc) {
			return
		}
		if err != nil {
			t.Fatalf("encoding/xml reads %q, xmlTokens: %v", doc, err)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("%q:\n got %q\nwant %q", doc, got, want)
		}
	})
}

// directive: a <! that is neither a comment nor CDATA, which xmlTokens
// refuses (a DTD) and encoding/xml passes on.
func directive(doc []byte) bool {
	for i := 0; i+2 <= len(doc); i++ {
		if doc[i] == '<' && doc[i+1] == '!' && !bytes.HasPrefix(doc[i:], []byte("<!--")) && !bytes.HasPrefix(doc[i:], []byte("<![CDATA[")) {
			return true
		}
	}
	return false
}

// plainNames: no name with two colons or an empty part, where the two may
// split prefix and local name differently; package parts have none.
func plainNames(doc []byte) bool {
	return !bytes.Contains(doc, []byte("<:")) && !bytes.Contains(doc, []byte("</:")) && !bytes.Contains(doc, []byte(":>")) &&
		!bytes.Contains(doc, []byte(": ")) && !bytes.Contains(doc, []byte(":/")) &&
		!bytes.Contains(doc, []byte(":=")) && !bytes.Contains(doc, []byte(" :")) && !twoColonName(doc)
}

func twoColonName(doc []byte) bool {
	in := false
	colons := 0
	for _, c := range doc {
		switch {
		case c == '<' || c == ' ':
			in, colons = true, 0
		case c == '>' || c == '=' || c == '/':
			in = false
		case c == ':' && in:
			colons++
			if colons > 1 {
				return true
			}
		}
	}
	return false
}

func TestXMLTokensSeeds(t *testing.T) {
	for _, s := range xmlSeeds {
		want, werr := rawTokens([]byte(s))
		got, err := ourTokens(iotest.OneByteReader(strings.NewReader(s)))
		if (werr == nil && !directive([]byte(s))) != (err == nil) {
			t.Errorf("%q: encoding/xml error %v, xmlTokens error %v", s, werr, err)
			continue
		}
		if werr == nil && err == nil && strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	}
}

// A read error is passed on, not taken for the end.
func TestXMLTokensReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := ourTokens(io.MultiReader(strings.NewReader("<a>text"), iotest.ErrReader(boom)))
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want boom", err)
	}
}
