package grid

// Width is a column width that fits text of n Chinese characters.
func Width(n int) float64 { return float64(n)*2.1 + 2 }

// LineHeight is the height in points of one line of 11-point text.
const LineHeight = 15

// Lines estimates how many lines text wraps to in a column of the given
// width: Chinese characters take two width units, others one. A program
// does not grow a row when it opens a file, so a writer sizes rows by it.
func Lines(text string, width float64) int {
	n, units := 1, 0
	avail := int(width) - 1
	for _, r := range text {
		w := 1
		if r >= 0x2E80 {
			w = 2
		}
		if r == '\n' {
			n, units = n+1, 0
			continue
		}
		if units+w > avail && units > 0 {
			n, units = n+1, 0
		}
		units += w
	}
	return n
}
