//! Turns the English message file (`assets/i18n/en.ftl`, the source language) into one method per
//! message on `i18n::Tr`, taking the message's variables as arguments: a message id or an argument
//! that does not exist is a compile error. The other languages are checked against English here
//! too; what they lack or get wrong is written into `I18N_PROBLEMS`, which a test requires empty.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, Pattern, PatternElement};

const LANGUAGES: [&str; 5] = ["en", "fr", "uk", "es", "ar"];

fn main() {
    println!("cargo::rerun-if-changed=assets/i18n");
    let mut files: BTreeMap<&str, BTreeMap<String, Message>> = BTreeMap::new();
    let mut problems: Vec<(String, String, String)> = Vec::new();
    for lang in LANGUAGES {
        let path = format!("assets/i18n/{lang}.ftl");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (messages, errors) = read_messages(&text);
        for e in errors {
            problems.push((lang.to_owned(), String::new(), e));
        }
        files.insert(lang, messages);
    }
    let english = files.get("en").cloned().unwrap_or_default();
    for (lang, messages) in &files {
        if *lang == "en" {
            continue;
        }
        for (id, source) in &english {
            match messages.get(id) {
                None => problems.push(((*lang).to_owned(), id.clone(), "missing".to_owned())),
                Some(m) => {
                    for v in m.variable_set().difference(&source.variable_set()) {
                        problems.push((
                            (*lang).to_owned(),
                            id.clone(),
                            format!("uses ${v}, which English does not give"),
                        ));
                    }
                }
            }
        }
        for id in messages.keys().filter(|id| !english.contains_key(*id)) {
            problems.push((
                (*lang).to_owned(),
                id.clone(),
                "not in English (a stale message)".to_owned(),
            ));
        }
    }

    let mut out = String::new();
    out.push_str("impl Tr {\n");
    // Vocabulary labels are reached through their value's `label_id()` (`Tr::label`).
    for (id, m) in english.iter().filter(|(id, _)| !id.starts_with("vocab-")) {
        let name = id.replace('-', "_");
        for line in m.english.lines() {
            writeln!(out, "    /// `{}`", line.trim_end().replace('`', "'")).ok();
        }
        let mut params = String::new();
        let mut args = String::new();
        for v in &m.variables {
            write!(params, ", {v}: impl Into<Arg>").ok();
            write!(args, "(\"{v}\", {v}.into()), ").ok();
        }
        writeln!(out, "    #[must_use]").ok();
        if m.variables.len() >= 7 {
            writeln!(
                out,
                "    #[expect(clippy::too_many_arguments, reason = \"one argument per variable of the message\")]"
            )
            .ok();
        }
        writeln!(out, "    pub fn {name}(self{params}) -> String {{").ok();
        writeln!(out, "        self.message(\"{id}\", &[{args}])").ok();
        writeln!(out, "    }}").ok();
    }
    out.push_str("}\n\n");
    out.push_str("/// Every message id of the source language, with its variables.\n");
    out.push_str("pub const MESSAGE_IDS: &[(&str, &[&str])] = &[\n");
    for (id, m) in &english {
        let mut vars = String::new();
        for v in &m.variables {
            write!(vars, "\"{v}\", ").ok();
        }
        writeln!(out, "    (\"{id}\", &[{vars}]),").ok();
    }
    out.push_str("];\n\n");
    out.push_str("/// What the translations lack or get wrong: (language, message id, problem).\n");
    out.push_str("pub const I18N_PROBLEMS: &[(&str, &str, &str)] = &[\n");
    for (lang, id, problem) in &problems {
        writeln!(out, "    ({lang:?}, {id:?}, {problem:?}),").ok();
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    std::fs::write(Path::new(&dir).join("messages.rs"), out)
        .unwrap_or_else(|e| panic!("messages.rs: {e}"));
}

#[derive(Clone, Default)]
struct Message {
    /// In order of first appearance: the generated method's parameters follow the English text.
    variables: Vec<String>,
    english: String,
}

impl Message {
    fn variable_set(&self) -> BTreeSet<String> {
        self.variables.iter().cloned().collect()
    }
}

fn read_messages(text: &str) -> (BTreeMap<String, Message>, Vec<String>) {
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, errs)) => {
            for e in errs {
                errors.push(format!("syntax error at bytes {:?}: {:?}", e.pos, e.kind));
            }
            r
        }
    };
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let Some(value) = &m.value else {
                errors.push(format!("{} has no value", m.id.name));
                continue;
            };
            let mut variables = Vec::new();
            pattern_variables(value, &mut variables);
            let id = m.id.name.to_owned();
            let english = flat(value);
            if out
                .insert(id.clone(), Message { variables, english })
                .is_some()
            {
                errors.push(format!("{id} is defined twice"));
            }
        }
    }
    (out, errors)
}

fn pattern_variables(p: &Pattern<&str>, into: &mut Vec<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(e: &Expression<&str>, into: &mut Vec<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for v in variants {
                pattern_variables(&v.value, into);
            }
        }
        Expression::Inline(i) => inline_variables(i, into),
    }
}

fn inline_variables(e: &InlineExpression<&str>, into: &mut Vec<String>) {
    match e {
        InlineExpression::VariableReference { id } if !into.iter().any(|v| v == id.name) => {
            into.push(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => call_variables(arguments, into),
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        InlineExpression::TermReference {
            arguments: Some(a), ..
        } => call_variables(a, into),
        _ => {}
    }
}

fn call_variables(a: &ast::CallArguments<&str>, into: &mut Vec<String>) {
    for p in &a.positional {
        inline_variables(p, into);
    }
    for n in &a.named {
        inline_variables(&n.value, into);
    }
}

/// The English text as a doc comment: text as written, placeables as `{…}`.
fn flat(p: &Pattern<&str>) -> String {
    let mut s = String::new();
    for e in &p.elements {
        match e {
            PatternElement::TextElement { value } => s.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    write!(s, "{{${}}}", id.name).ok();
                }
                Expression::Select { variants, .. } => {
                    if let Some(v) = variants.iter().find(|v| v.default) {
                        s.push_str(&flat(&v.value));
                    }
                }
                Expression::Inline(_) => s.push_str("{…}"),
            },
        }
    }
    s
}
