//! A YAML reader that accepts integers beyond 64 bits.
//!
//! `serde_yaml::Value` refuses an integer outside `i64` and `u64` (it sees
//! it as an `i128`), and with it the whole document. Public specs print
//! `-2^63` through a double, as `-9223372036854776000`, which is valid YAML
//! and valid JSON Schema. Such a number is read as JSON reads it, as the
//! nearest double; everything else is read as `serde_yaml::Value` reads it,
//! duplicate keys refused included.

use serde::de::{self, Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess};
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Number, Value};
use std::fmt;

/// Parses `text` as one YAML document.
pub fn from_str(text: &str) -> Result<Value, serde_yaml::Error> {
    serde_yaml::from_str::<Lenient>(text).map(|lenient| lenient.0)
}

struct Lenient(Value);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor).map(Lenient)
    }
}

struct LenientVisitor;

impl<'de> de::Visitor<'de> for LenientVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Number(i.into()))
    }

    fn visit_u64<E>(self, u: u64) -> Result<Value, E> {
        Ok(Value::Number(u.into()))
    }

    fn visit_i128<E>(self, i: i128) -> Result<Value, E> {
        // Within 64 bits it stays exact; beyond, it is the nearest double,
        // as a JSON parser reads it.
        Ok(Value::Number(match (i64::try_from(i), u64::try_from(i)) {
            (Ok(small), _) => small.into(),
            (_, Ok(unsigned)) => unsigned.into(),
            _ => Number::from(i as f64),
        }))
    }

    fn visit_u128<E>(self, u: u128) -> Result<Value, E> {
        Ok(Value::Number(match u64::try_from(u) {
            Ok(small) => small.into(),
            Err(_) => Number::from(u as f64),
        }))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Number(f.into()))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Lenient::deserialize(deserializer).map(|lenient| lenient.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(items.size_hint().unwrap_or(0));
        while let Some(Lenient(item)) = items.next_element()? {
            out.push(item);
        }
        Ok(Value::Sequence(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut mapping = Mapping::new();
        while let Some(Lenient(key)) = entries.next_key()? {
            if mapping.contains_key(&key) {
                let shown = match &key {
                    Value::String(s) => format!("{s:?}"),
                    other => serde_yaml::to_string(other)
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                };
                return Err(de::Error::custom(format_args!(
                    "duplicate entry with key {shown}"
                )));
            }
            let Lenient(value) = entries.next_value()?;
            mapping.insert(key, value);
        }
        Ok(Value::Mapping(mapping))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        // serde_yaml presents a node with a custom tag (`!name value`) as
        // an enum variant named after the tag.
        let (tag, contents) = data.variant::<String>()?;
        let Lenient(value) = contents.newtype_variant()?;
        Ok(Value::Tagged(Box::new(TaggedValue {
            tag: Tag::new(tag),
            value,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_yaml_reads() {
        let text =
            "a: 1\nb: [true, ~, 2.5, -3, x]\n'200': {c: !custom 4}\nd: 18446744073709551615\n";
        assert_eq!(
            from_str(text).unwrap(),
            serde_yaml::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn an_integer_beyond_64_bits_is_the_nearest_double() {
        let value = from_str("min: -9223372036854776000\nmax: 99999999999999999999\n").unwrap();
        assert_eq!(value["min"].as_f64(), Some(-9_223_372_036_854_775_808.0));
        assert_eq!(value["max"].as_f64(), Some(1e20));
    }

    #[test]
    fn a_duplicate_key_is_refused_as_serde_yaml_refuses_it() {
        let text = "a: 1\nb: 2\na: 3\n";
        let ours = from_str(text).unwrap_err();
        let theirs = serde_yaml::from_str::<Value>(text).unwrap_err();
        assert_eq!(ours.to_string(), theirs.to_string());
        assert!(
            ours.to_string().contains("duplicate entry with key \"a\""),
            "{ours}"
        );
    }
}
