//! The pest parser generated from `grammar/perfplan.pest`.

use pest_derive::Parser;

/// The parser of plan files; see the grammar for the rules.
#[derive(Parser)]
#[grammar = "../grammar/perfplan.pest"]
pub struct PlanParser;
