//! Indicator frameworks (一级 → 二级), as data.
//!
//! A profile is declared in the language itself (`框架定义 NAME { … }`);
//! the built-in ones are plan files in `profiles/`, compiled into the
//! binary. A plan picks one with `框架 NAME`; a plan's own files may declare
//! more, so a province can share its profile as a file.

use crate::ast::{self, Path, ProfileStmt};
use crate::source::FileId;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A first level and its second levels.
#[derive(Clone, Debug)]
pub struct Level1 {
    /// The short name: `产出`.
    pub id: String,
    /// The official name: `产出指标`.
    pub name: String,
    pub english: Option<String>,
    /// Every spelling that selects this level: id, names, English name.
    pub aliases: Vec<String>,
    pub children: Vec<Level2>,
}

#[derive(Clone, Debug)]
pub struct Level2 {
    pub id: String,
    pub name: String,
    pub english: Option<String>,
    pub aliases: Vec<String>,
}

/// A level every project must use: a first level, or one second level.
#[derive(Clone, Debug)]
pub struct Requirement {
    pub level1: usize,
    pub level2: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Profile {
    pub name: String,
    pub levels: Vec<Level1>,
    pub required: Vec<Requirement>,
    /// Where a user-declared profile is; `None` for built-ins.
    pub declared_in: Option<FileId>,
    /// Each first level's index by every spelling of it (the first level
    /// declared with a spelling has it): every indicator row is looked up.
    level1_index: HashMap<String, usize>,
    /// For each first level, its second levels' indices by spelling.
    level2_index: Vec<HashMap<String, usize>>,
}

/// A path resolved against a profile: indices of the first and second level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub level1: usize,
    pub level2: usize,
}

/// Why a profile statement could not be taken.
#[derive(Clone, Debug)]
pub enum ProfileProblem {
    /// A second level names a first level that is not declared above it.
    UnknownParent { path: Path },
    /// A level is declared twice.
    Duplicate {
        span: crate::source::Span,
        name: String,
    },
    /// A required level that the profile does not have.
    UnknownRequired { path: Path },
}

impl Profile {
    /// Builds a profile from its declaration, with the problems found.
    pub fn from_def(def: &ast::ProfileDef, file: FileId) -> (Profile, Vec<ProfileProblem>) {
        let mut profile = Profile {
            name: def.name.name.clone(),
            levels: Vec::new(),
            required: Vec::new(),
            declared_in: Some(file),
            level1_index: HashMap::new(),
            level2_index: Vec::new(),
        };
        let mut problems = Vec::new();
        for stmt in &def.body {
            if let Some(p) = profile.add(stmt) {
                problems.push(p);
            }
        }
        (profile, problems)
    }

    fn add(&mut self, stmt: &ProfileStmt) -> Option<ProfileProblem> {
        match stmt {
            ProfileStmt::Level1 {
                id, names, english, ..
            } => {
                if self.level1(&id.name).is_some() {
                    return Some(ProfileProblem::Duplicate {
                        span: id.span,
                        name: id.name.clone(),
                    });
                }
                let (name, aliases) = spellings(&id.name, names, english.as_ref());
                for alias in &aliases {
                    let index = self.levels.len();
                    self.level1_index.entry(alias.clone()).or_insert(index);
                }
                self.level2_index.push(HashMap::new());
                self.levels.push(Level1 {
                    id: id.name.clone(),
                    name,
                    english: english.as_ref().map(|e| e.name.clone()),
                    aliases,
                    children: Vec::new(),
                });
                None
            }
            ProfileStmt::Level2 {
                path,
                names,
                english,
                ..
            } => self.add_level2(path, names, english.as_ref()),
            ProfileStmt::Required { paths, .. } => {
                for path in paths {
                    match self.requirement(path) {
                        Some(r) => self.required.push(r),
                        None => {
                            return Some(ProfileProblem::UnknownRequired { path: path.clone() });
                        }
                    }
                }
                None
            }
        }
    }

    fn add_level2(
        &mut self,
        path: &Path,
        names: &[ast::Text],
        english: Option<&ast::Ident>,
    ) -> Option<ProfileProblem> {
        let [parent, id] = path.segments.as_slice() else {
            return Some(ProfileProblem::UnknownParent { path: path.clone() });
        };
        let Some(l1) = self.level1(&parent.name) else {
            return Some(ProfileProblem::UnknownParent { path: path.clone() });
        };
        if self.level2(l1, &id.name).is_some() {
            return Some(ProfileProblem::Duplicate {
                span: id.span,
                name: id.name.clone(),
            });
        }
        let (name, aliases) = spellings(&id.name, names, english);
        let index = self.levels[l1].children.len();
        for alias in &aliases {
            self.level2_index[l1].entry(alias.clone()).or_insert(index);
        }
        self.levels[l1].children.push(Level2 {
            id: id.name.clone(),
            name,
            english: english.map(|e| e.name.clone()),
            aliases,
        });
        None
    }

    fn requirement(&self, path: &Path) -> Option<Requirement> {
        let level1 = self.level1(&path.segments.first()?.name)?;
        let level2 = match path.segments.get(1) {
            Some(seg) => Some(self.level2(level1, &seg.name)?),
            None => None,
        };
        Some(Requirement { level1, level2 })
    }

    /// The first level a word names.
    pub fn level1(&self, word: &str) -> Option<usize> {
        self.level1_index.get(word).copied()
    }

    /// The second level a word names under a first level.
    pub fn level2(&self, level1: usize, word: &str) -> Option<usize> {
        self.level2_index.get(level1)?.get(word).copied()
    }

    /// Every first level under which a word names a second level.
    pub fn parents_of(&self, word: &str) -> Vec<usize> {
        (0..self.levels.len())
            .filter(|&i| self.level2(i, word).is_some())
            .collect()
    }

    /// Resolves an indicator path (`产出.数量`).
    pub fn resolve(&self, path: &Path) -> Option<Resolved> {
        let [a, b] = path.segments.as_slice() else {
            return None;
        };
        let level1 = self.level1(&a.name)?;
        let level2 = self.level2(level1, &b.name)?;
        Some(Resolved { level1, level2 })
    }

    pub fn level2_of(&self, r: Resolved) -> Option<&Level2> {
        self.levels.get(r.level1)?.children.get(r.level2)
    }

    /// The English names of a resolved path's first and second levels
    /// (`output`, `quantity`): what rules go by, so that they work for
    /// every profile that names its levels alike.
    pub fn english_of(&self, r: Resolved) -> (Option<&str>, Option<&str>) {
        let level1 = self.levels.get(r.level1);
        let level2 = level1.and_then(|l| l.children.get(r.level2));
        (
            level1.and_then(|l| l.english.as_deref()),
            level2.and_then(|l| l.english.as_deref()),
        )
    }

    /// Whether a resolved path is a satisfaction level: its first level is
    /// `satisfaction` (classic, central-2021) or its second level is
    /// (classic-benefit-satisfaction, 效益.满意度).
    pub fn is_satisfaction(&self, r: Resolved) -> bool {
        let (first, second) = self.english_of(r);
        first == Some("satisfaction") || second == Some("satisfaction")
    }

    /// Where satisfaction is filed, as a path to write: `满意度.服务对象满意度`
    /// (a first level `satisfaction` and its first second level), else
    /// `效益.满意度` (a second level `satisfaction`).
    pub fn satisfaction_path(&self) -> Option<String> {
        self.path_by_english("satisfaction")
    }

    /// Where costs are filed, as a path to write: `产出.成本` (a second
    /// level `cost`), else `成本.经济成本` (a first level `cost` and its
    /// first second level).
    pub fn cost_path(&self) -> Option<String> {
        let second = self.levels.iter().find_map(|l| {
            l.children
                .iter()
                .find(|c| c.english.as_deref() == Some("cost"))
                .map(|c| format!("{}.{}", l.id, c.id))
        });
        second.or_else(|| self.first_level_path("cost"))
    }

    /// A first level of this English name with its first second level, else
    /// a second level of this English name under its first level.
    fn path_by_english(&self, english: &str) -> Option<String> {
        self.first_level_path(english).or_else(|| {
            self.levels.iter().find_map(|l| {
                l.children
                    .iter()
                    .find(|c| c.english.as_deref() == Some(english))
                    .map(|c| format!("{}.{}", l.id, c.id))
            })
        })
    }

    fn first_level_path(&self, english: &str) -> Option<String> {
        let level1 = self
            .levels
            .iter()
            .find(|l| l.english.as_deref() == Some(english))?;
        let child = level1.children.first()?;
        Some(format!("{}.{}", level1.id, child.id))
    }

    /// Every second-level spelling, for "is this 三级 name a 二级 name".
    pub fn all_level2_names(&self) -> impl Iterator<Item = &str> {
        self.levels
            .iter()
            .flat_map(|l| l.children.iter())
            .flat_map(|c| c.aliases.iter().map(String::as_str))
    }
}

/// The official name (the first text, else the id) and every alias.
fn spellings(id: &str, names: &[ast::Text], english: Option<&ast::Ident>) -> (String, Vec<String>) {
    let name = names
        .first()
        .map_or_else(|| id.to_string(), |t| t.value.clone());
    let mut aliases = vec![id.to_string()];
    aliases.extend(names.iter().map(|t| t.value.clone()));
    aliases.extend(english.map(|e| e.name.clone()));
    (name, aliases)
}

const BUILTIN_SOURCES: &[&str] = &[
    include_str!("../../profiles/classic.plan"),
    include_str!("../../profiles/classic-benefit-satisfaction.plan"),
    include_str!("../../profiles/central-2021.plan"),
];

/// The built-in profiles, parsed once.
pub fn builtin() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .flat_map(|text| crate::syntax::parse(FileId(u32::MAX), text).0.items)
            .filter_map(|item| match item {
                ast::Item::Profile(def) => Some(Profile::from_def(&def, FileId(u32::MAX)).0),
                _ => None,
            })
            .map(|mut p| {
                p.declared_in = None;
                p
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profiles_parse_cleanly() {
        for text in BUILTIN_SOURCES {
            let (file, diagnostics) = crate::syntax::parse(FileId(0), text);
            assert!(diagnostics.is_empty(), "{diagnostics:#?}");
            for item in &file.items {
                if let ast::Item::Profile(def) = item {
                    let (_, problems) = Profile::from_def(def, FileId(0));
                    assert!(problems.is_empty(), "{problems:#?}");
                }
            }
        }
        let names: Vec<&str> = builtin().iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["classic", "classic-benefit-satisfaction", "central-2021"]
        );
    }

    #[test]
    fn resolves_every_spelling() {
        let classic = &builtin()[0];
        let path = |a: &str, b: &str| Path {
            segments: vec![
                ast::Ident {
                    name: a.into(),
                    span: Default::default(),
                },
                ast::Ident {
                    name: b.into(),
                    span: Default::default(),
                },
            ],
            span: Default::default(),
        };
        let expected = Some(Resolved {
            level1: 0,
            level2: 0,
        });
        assert_eq!(classic.resolve(&path("产出", "数量")), expected);
        assert_eq!(classic.resolve(&path("产出指标", "数量指标")), expected);
        assert_eq!(classic.resolve(&path("output", "quantity")), expected);
        assert_eq!(classic.resolve(&path("效益", "数量")), None);
        assert_eq!(classic.parents_of("数量"), [0]);
        assert_eq!(classic.required.len(), 2);
    }

    #[test]
    fn finds_levels_by_english_name() {
        let [classic, variant, central] = builtin() else {
            panic!("three built-in profiles");
        };
        assert_eq!(
            classic.satisfaction_path().as_deref(),
            Some("满意度.服务对象满意度")
        );
        assert_eq!(variant.satisfaction_path().as_deref(), Some("效益.满意度"));
        assert_eq!(classic.cost_path().as_deref(), Some("产出.成本"));
        assert_eq!(central.cost_path().as_deref(), Some("成本.经济成本"));
        let satisfaction = Resolved {
            level1: 1,
            level2: 4,
        };
        assert!(variant.is_satisfaction(satisfaction));
        assert_eq!(
            variant.english_of(satisfaction),
            (Some("benefit"), Some("satisfaction"))
        );
        assert!(!classic.is_satisfaction(Resolved {
            level1: 1,
            level2: 1
        }));
    }
}
