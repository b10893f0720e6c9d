package rehearse

import (
	"reflect"
	"testing"
	"time"
)

func TestMatchRun(t *testing.T) {
	run := Run{Slides: []SlideRun{
		{Title: "开场"}, {Title: "小结"}, {Title: "GPU"}, {Title: "小结"}, {Title: "旧的", Removed: true}, {Title: "GPU", Removed: true},
	}}
	tests := []struct {
		titles []string
		want   []int
	}{
		{[]string{"开场", "小结", "GPU", "小结"}, []int{0, 1, 2, 3}},
		// Reordered, one added, one repeated title more often than before.
		{[]string{"GPU", "新的", "小结", "开场", "小结", "小结"}, []int{2, -1, 1, 0, 3, -1}},
		// A removed slide is matched only after the ones still there.
		{[]string{"GPU", "GPU", "旧的"}, []int{2, 5, 4}},
		{nil, []int{}},
	}
	for _, tt := range tests {
		if got := matchRun(tt.titles, &run); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.titles, got, tt.want)
		}
	}
}

func TestMedianTimes(t *testing.T) {
	var runs []Run
	// Seven runs: slide "b" takes 1..7 s; the median of the last five is 5.
	for i := 1; i <= 7; i++ {
		run := sampleRun(float64(i*1000), 10, float64(i), 3)
		runs = append(runs, run)
	}
	// The newest run never reached "谢谢" (visits 0): it does not count.
	runs[6].Slides[2].Visits, runs[6].Slides[2].Seconds = 0, 0
	runs[5].Slides[2].Seconds = 9
	got := medianTimes([]string{"为什么需要铲？", "开场", "谢谢", "新的"}, runs)
	want := []time.Duration{5 * time.Second, 10 * time.Second, 3 * time.Second, 0}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("medians %v, want %v", got, want)
	}
	if History(nil) != nil {
		t.Error("no runs, yet a history")
	}
	d := testDeck([]string{"开场", "谢谢"}, nil, nil)
	if got := History(runs)(d); !reflect.DeepEqual(got, []time.Duration{10 * time.Second, 3 * time.Second}) {
		t.Errorf("History = %v", got)
	}
}
