//! The template engine: minijinja over Markdown, with every value from the
//! description escaped before the Markdown is parsed (so no input can inject
//! structure), and § numbers computed in two passes so that internal
//! references ("enligt 11 §") follow the actual numbering.
//!
//! Templates call `paragraf("nyckel")` at the start of a § heading and
//! `ref("nyckel")` wherever they refer to it. The first pass learns which §§
//! exist and in what order; the second renders with the numbers.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, State};

use super::ComposeError;

/// Templates by name: the built-in ones, possibly overridden by the user's.
#[derive(Debug, Clone)]
pub struct Templates {
    sources: BTreeMap<String, String>,
}

/// The built-in templates, compiled into the binary.
const BUILTIN: &[(&str, &str)] = &[
    (
        "forbundsordning.md",
        include_str!("../../templates/forbundsordning.md"),
    ),
    (
        "avsiktsforklaring.md",
        include_str!("../../templates/avsiktsforklaring.md"),
    ),
    (
        "tjansteutlatande.md",
        include_str!("../../templates/tjansteutlatande.md"),
    ),
    ("lag.md", include_str!("../../templates/lag.md")),
    (
        "organisation.md",
        include_str!("../../templates/organisation.md"),
    ),
    ("andring.md", include_str!("../../templates/andring.md")),
    (
        "tjansteutlatande-samstammighet.md",
        include_str!("../../templates/tjansteutlatande-samstammighet.md"),
    ),
];

/// How much work one template may do before it is stopped, so that a
/// user's template with a runaway loop ends with an error.
const FUEL: u64 = 5_000_000;

impl Templates {
    /// The built-in templates.
    pub fn builtin() -> Self {
        Templates {
            sources: BUILTIN
                .iter()
                .map(|(n, s)| ((*n).to_string(), (*s).to_string()))
                .collect(),
        }
    }

    /// The names of the built-in templates, which a user may override.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }

    /// Replaces (or adds) the template `name` with the user's own source;
    /// the built-in ones remain the fallback for every other name.
    pub fn with_override(mut self, name: &str, source: String) -> Self {
        self.sources.insert(name.to_string(), source);
        self
    }

    /// Renders template `name` with `context` to Markdown, numbering §§.
    pub fn render(&self, name: &str, context: &serde_json::Value) -> Result<String, ComposeError> {
        let numbering = Arc::new(Mutex::new(Numbering::default()));
        // Pass 1 learns the §§; its text is thrown away.
        self.render_pass(name, context, &numbering)?;
        numbering
            .lock()
            .map_err(|_| ComposeError::Internal("numbering lock poisoned".into()))?
            .freeze()
            .map_err(|message| ComposeError::Template {
                name: name.to_string(),
                message,
            })?;
        self.render_pass(name, context, &numbering)
    }

    fn render_pass(
        &self,
        name: &str,
        context: &serde_json::Value,
        numbering: &Arc<Mutex<Numbering>>,
    ) -> Result<String, ComposeError> {
        let env = self.environment(numbering);
        let to_error = |e: Error| ComposeError::Template {
            name: e.name().unwrap_or(name).to_string(),
            message: describe(&e),
        };
        let template = env.get_template(name).map_err(to_error)?;
        template
            .render(minijinja::value::Serde(context))
            .map_err(to_error)
    }

    fn environment(&self, numbering: &Arc<Mutex<Numbering>>) -> Environment<'static> {
        let mut env = Environment::new();
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env.set_fuel(Some(FUEL));
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_formatter(markdown_formatter);
        let sources = self.sources.clone();
        env.set_loader(move |name| Ok(sources.get(name).cloned()));
        let n = Arc::clone(numbering);
        env.add_function("paragraf", move |key: String| -> Result<Value, Error> {
            let mut numbering = n
                .lock()
                .map_err(|_| Error::new(ErrorKind::InvalidOperation, "lås"))?;
            numbering.declare(&key).map(Value::from_safe_string)
        });
        let n = Arc::clone(numbering);
        env.add_function("ref", move |key: String| -> Result<Value, Error> {
            let numbering = n
                .lock()
                .map_err(|_| Error::new(ErrorKind::InvalidOperation, "lås"))?;
            numbering.reference(&key).map(Value::from_safe_string)
        });
        env.add_filter("kronor", |n: u64| crate::swedish::kronor_unbroken(n));
        env.add_filter("ord", |n: u64| crate::swedish::number_in_words(n));
        env.add_filter("versal", |s: String| crate::swedish::capitalise(&s));
        env
    }
}

fn describe(error: &Error) -> String {
    let mut message = error.detail().map_or_else(
        || error.kind().to_string(),
        |d| format!("{}: {d}", error.kind()),
    );
    if let Some(line) = error.line() {
        message = format!("rad {line}: {message}");
    }
    message
}

/// Writes a value into the Markdown: our own safe strings as they are, every
/// other value with Markdown's special characters escaped and whitespace
/// collapsed, so a name can never become a heading, a link or a list.
fn markdown_formatter(
    out: &mut minijinja::Output,
    _state: &mut State,
    value: &Value,
) -> Result<(), Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    let text = value.to_string();
    let escaped = if value.is_safe() {
        text
    } else {
        escape_markdown(&text)
    };
    out.write_str(&escaped)
        .map_err(|_| Error::new(ErrorKind::WriteFailure, "kunde inte skriva"))
}

/// Escapes text so that CommonMark reads it back as the same literal text:
/// every ASCII punctuation character gets a backslash, and runs of
/// whitespace (including newlines) become one space; a no-break space
/// stays.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last_space = false;
    for c in text.trim().chars() {
        // A no-break space holds a number together; it is kept.
        if c.is_whitespace() && c != crate::swedish::NBSP {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The §§ a template declares, in order, and (after the first pass) their numbers.
#[derive(Debug, Default)]
struct Numbering {
    order: Vec<String>,
    numbers: Option<BTreeMap<String, u32>>,
}

impl Numbering {
    fn declare(&mut self, key: &str) -> Result<String, Error> {
        match &self.numbers {
            None => {
                self.order.push(key.to_string());
                Ok("0 §".to_string())
            }
            Some(numbers) => numbers.get(key).map(|n| format!("{n} §")).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("paragrafen «{key}» fanns inte i första genomgången"),
                )
            }),
        }
    }

    fn reference(&self, key: &str) -> Result<String, Error> {
        match &self.numbers {
            None => Ok("0 §".to_string()),
            Some(numbers) => numbers.get(key).map(|n| format!("{n} §")).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("hänvisning till paragrafen «{key}», som inte finns i dokumentet"),
                )
            }),
        }
    }

    fn freeze(&mut self) -> Result<(), String> {
        let mut numbers = BTreeMap::new();
        for (i, key) in self.order.iter().enumerate() {
            if numbers.insert(key.clone(), i as u32 + 1).is_some() {
                return Err(format!("paragrafen «{key}» förekommer två gånger"));
            }
        }
        self.numbers = Some(numbers);
        self.order.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_text_literal() {
        assert_eq!(escape_markdown("# ## 1 §"), "\\# \\#\\# 1 §");
        assert_eq!(escape_markdown("a\n\n- b"), "a \\- b");
        assert_eq!(escape_markdown("*x* _y_"), "\\*x\\* \\_y\\_");
    }

    #[test]
    fn references_follow_the_numbering() {
        let templates = Templates::builtin().with_override(
            "t.md",
            "{% if extra %}## {{ paragraf('a') }} A\n\n{% endif %}## {{ paragraf('b') }} B\n\nSe {{ ref('b') }}.\n".to_string(),
        );
        let with = templates
            .render("t.md", &serde_json::json!({"extra": true}))
            .unwrap();
        assert!(
            with.contains("## 2 § B") && with.contains("Se 2 §."),
            "{with}"
        );
        let without = templates
            .render("t.md", &serde_json::json!({"extra": false}))
            .unwrap();
        assert!(
            without.contains("## 1 § B") && without.contains("Se 1 §."),
            "{without}"
        );
    }

    #[test]
    fn a_reference_to_a_missing_section_is_an_error() {
        let templates =
            Templates::builtin().with_override("t.md", "Se {{ ref('saknas') }}.".to_string());
        let error = templates
            .render("t.md", &serde_json::json!({}))
            .unwrap_err();
        assert!(error.to_string().contains("saknas"), "{error}");
    }
}
