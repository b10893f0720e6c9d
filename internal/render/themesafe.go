package render

import (
	"reflect"

	"shovel/internal/termsafe"
)

// defuse replaces the control characters in every string of a style
// configuration by their pictures. A glamour style file comes from whoever
// wrote it: its prefixes, suffixes, list markers and table separators are
// written to the terminal as they are, so a DCS or OSC in one would reach
// it. Line breaks and tabs stay (block prefixes use them).
func defuse(v any) {
	defuseValue(reflect.ValueOf(v).Elem())
}

func defuseValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != termsafe.Text(s) && v.CanSet() {
			v.SetString(termsafe.Text(s))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			defuseValue(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				defuseValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			defuseValue(v.Index(i))
		}
	case reflect.Map:
		// glamour's StyleConfig has no maps; a map value cannot be set in
		// place, so one added later must be handled here explicitly.
	}
}
