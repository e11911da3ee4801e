//! The records the extractor returns, serialised as in the shared schema.

use serde::{Deserialize, Serialize};

/// What kind of leadership change a [`Record`] describes.
///
/// Kinds fall into three groups: start (appointment, promotion, hire), end
/// (resignation, retirement, dismissal, departure) and reporting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Named to a role ("was appointed CEO").
    Appointment,
    /// Moved up inside the same organisation ("was promoted to COO").
    Promotion,
    /// Joined from outside ("hired X from Y", "joined Acme as CFO").
    Hire,
    /// Left of their own accord ("resigned", "stepped down").
    Resignation,
    /// Retired.
    Retirement,
    /// Removed ("fired", "ousted", "dismissed").
    Dismissal,
    /// Left, reason not stated ("left the company", "is leaving").
    Departure,
    /// Now reports to someone else.
    ReportingChange,
}

impl Kind {
    /// The kind's group: [`Group::Start`], [`Group::End`] or [`Group::Reporting`].
    ///
    /// ```
    /// use newsextract::{Group, Kind};
    /// assert_eq!(Kind::Promotion.group(), Group::Start);
    /// assert_eq!(Kind::Retirement.group(), Group::End);
    /// ```
    pub fn group(self) -> Group {
        match self {
            Kind::Appointment | Kind::Promotion | Kind::Hire => Group::Start,
            Kind::Resignation | Kind::Retirement | Kind::Dismissal | Kind::Departure => Group::End,
            Kind::ReportingChange => Group::Reporting,
        }
    }

    /// The snake_case name used in JSON ("reporting_change").
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Appointment => "appointment",
            Kind::Promotion => "promotion",
            Kind::Hire => "hire",
            Kind::Resignation => "resignation",
            Kind::Retirement => "retirement",
            Kind::Dismissal => "dismissal",
            Kind::Departure => "departure",
            Kind::ReportingChange => "reporting_change",
        }
    }

    /// Parses a JSON kind name; `None` for an unknown name.
    ///
    /// ```
    /// assert_eq!(newsextract::Kind::parse("hire"), Some(newsextract::Kind::Hire));
    /// ```
    pub fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "appointment" => Kind::Appointment,
            "promotion" => Kind::Promotion,
            "hire" => Kind::Hire,
            "resignation" => Kind::Resignation,
            "retirement" => Kind::Retirement,
            "dismissal" => Kind::Dismissal,
            "departure" => Kind::Departure,
            "reporting_change" => Kind::ReportingChange,
            _ => return None,
        })
    }
}

/// The three groups of [`Kind`]s that the scorer compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Someone starts a role.
    Start,
    /// Someone leaves a role.
    End,
    /// Someone's reporting line changes.
    Reporting,
}

/// A position: a title and the organisation or unit it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    /// The title as written, without determiners ("senior VP").
    pub title: Option<String>,
    /// The organisation or unit the title belongs to.
    pub org: Option<String>,
}

/// A byte range `[start, end)` into the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Whether a change has happened or is announced for later.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The text reports the change as done ("resigned", "was named").
    Completed,
    /// The text announces it for the future ("will step down", "is to retire").
    Announced,
}

/// One leadership change of one person.
///
/// Serialises to the record object of the shared schema; the extra fields
/// `status` and `rules` say whether the change is done or announced and
/// which rules built the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// What happened.
    pub kind: Kind,
    /// The person's fullest name in the article, `None` when unnamed.
    pub person: Option<String>,
    /// The organisation where the change happens.
    pub company: Option<String>,
    /// The role left or held before.
    pub old_role: Option<Role>,
    /// The role taken.
    pub new_role: Option<Role>,
    /// Whom the person reports to in the new or current role.
    pub reports_to: Option<String>,
    /// Whom the person reported to before a reporting-line change.
    pub previous_reports_to: Option<String>,
    /// The person replaced.
    pub predecessor: Option<String>,
    /// The person taking over.
    pub successor: Option<String>,
    /// Byte spans of the sentences the record was built from.
    pub evidence: Vec<Span>,
    /// Completed or announced.
    pub status: Status,
    /// Ids of the rules that built the record, for debugging.
    pub rules: Vec<String>,
}

impl Record {
    /// Trims every string value (person, company, titles, organisations,
    /// the people in `reports_to`, `predecessor`, ...) and collapses each
    /// inner run of whitespace (line breaks, tabs, no-break and other
    /// Unicode spaces) to one space. The evidence spans are left alone:
    /// they still point into the original text.
    pub(crate) fn normalize_whitespace(&mut self) {
        let roles = [&mut self.old_role, &mut self.new_role];
        for role in roles.into_iter().flatten() {
            for value in [&mut role.title, &mut role.org] {
                collapse_whitespace(value);
            }
        }
        for value in [
            &mut self.person,
            &mut self.company,
            &mut self.reports_to,
            &mut self.previous_reports_to,
            &mut self.predecessor,
            &mut self.successor,
        ] {
            collapse_whitespace(value);
        }
    }
}

/// `value` trimmed, with every inner run of whitespace made one space; a
/// value left empty becomes `None`.
fn collapse_whitespace(value: &mut Option<String>) {
    let Some(s) = value else { return };
    let tidy = !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains(|c: char| c.is_whitespace() && c != ' ');
    if tidy {
        return;
    }
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    *value = (!joined.is_empty()).then_some(joined);
}
