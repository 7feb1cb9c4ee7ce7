//! The indicator tree: codes, parents, weights and directions.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::exact::checked;
use crate::{Direction, Error, IndicatorCode, Result};

/// One node of an indicator tree: an indicator (a leaf) or an aggregate
/// (a dimension, the index), with its parent, its weight within its parent's
/// group, and its direction (used for leaves).
///
/// # Examples
///
/// ```
/// use indstat::composite::Node;
/// use indstat::Direction;
/// use indstat::dec;
///
/// let energy = Node::new("energy_per_va", Some("green"), dec!(1))?.with_direction(Direction::LowerIsBetter);
/// assert_eq!(energy.code().as_str(), "energy_per_va");
/// assert!(Node::new("bad code", None, dec!(1)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    code: IndicatorCode,
    parent: Option<IndicatorCode>,
    weight: Decimal,
    direction: Direction,
}

impl Node {
    /// A node with `code`, `parent` (`None` for the root) and `weight`;
    /// direction [`Direction::HigherIsBetter`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidCode`] for a malformed code; [`Error::NegativeWeight`].
    ///
    /// ```
    /// use indstat::composite::Node;
    /// use indstat::dec;
    /// assert!(Node::new("index", None, dec!(1)).is_ok());
    /// assert!(Node::new("x", Some("index"), dec!(-1)).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(code: &str, parent: Option<&str>, weight: Decimal) -> Result<Node> {
        let code = IndicatorCode::new(code)?;
        check_weight(&code, weight)?;
        Ok(Node {
            parent: parent.map(IndicatorCode::new).transpose()?,
            code,
            weight,
            direction: Direction::HigherIsBetter,
        })
    }

    /// The same node with `direction`.
    ///
    /// ```
    /// use indstat::{composite::Node, Direction};
    /// let n = Node::new("x", Some("i"), 1.into())?.with_direction(Direction::LowerIsBetter);
    /// assert_eq!(n.direction(), Direction::LowerIsBetter);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_direction(mut self, direction: Direction) -> Node {
        self.direction = direction;
        self
    }

    /// The code.
    ///
    /// ```
    /// assert_eq!(indstat::composite::Node::new("x", None, 1.into())?.code().as_str(), "x");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn code(&self) -> &IndicatorCode {
        &self.code
    }

    /// The parent's code, `None` for the root.
    ///
    /// ```
    /// assert_eq!(indstat::composite::Node::new("x", None, 1.into())?.parent(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn parent(&self) -> Option<&IndicatorCode> {
        self.parent.as_ref()
    }

    /// The nominal weight, before renormalisation within the group.
    ///
    /// ```
    /// assert_eq!(indstat::composite::Node::new("x", None, 3.into())?.weight(), 3.into());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn weight(&self) -> Decimal {
        self.weight
    }

    /// Whether higher values are better.
    ///
    /// ```
    /// use indstat::{composite::Node, Direction};
    /// assert_eq!(Node::new("x", None, 1.into())?.direction(), Direction::HigherIsBetter);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn direction(&self) -> Direction {
        self.direction
    }
}

fn check_weight(code: &IndicatorCode, weight: Decimal) -> Result<()> {
    if weight.is_sign_negative() && !weight.is_zero() {
        return Err(Error::NegativeWeight {
            code: code.to_string(),
            weight: weight.to_string(),
        });
    }
    Ok(())
}

/// A validated indicator tree (COINr's `iMeta`): one root, every parent
/// present, no cycle, no negative weight, and in every group weights that
/// sum to more than zero. Weights are renormalised to sum to 1 within each
/// group ([`Tree::group_weight`]) and can be overridden node by node or for
/// one level at a time. Levels follow COINr: 1 = indicators, the root is the
/// highest.
///
/// # Examples
///
/// ```
/// use indstat::composite::{Node, Tree};
/// use indstat::dec;
///
/// let tree = Tree::new(vec![
///     Node::new("index", None, dec!(1))?,
///     Node::new("innovation", Some("index"), dec!(20))?,
///     Node::new("quality", Some("index"), dec!(30))?,
///     Node::new("patents", Some("innovation"), dec!(1))?,
///     Node::new("rd", Some("innovation"), dec!(1))?,
///     Node::new("productivity", Some("quality"), dec!(1))?,
/// ])?;
/// assert_eq!(tree.group_weight(&"quality".parse()?)?, dec!(0.6));
/// assert_eq!(tree.level(&"index".parse()?)?, 3);
///
/// // A cycle, an orphan, two roots: errors naming the culprit.
/// let orphan = Tree::new(vec![Node::new("index", None, dec!(1))?, Node::new("x", Some("nowhere"), dec!(1))?]);
/// assert_eq!(orphan.unwrap_err().to_string(), "node x names parent nowhere, which is not in the tree");
/// let cycle = Tree::new(vec![
///     Node::new("index", None, dec!(1))?, Node::new("a", Some("b"), dec!(1))?, Node::new("b", Some("a"), dec!(1))?,
/// ]);
/// assert!(matches!(cycle, Err(indstat::Error::TreeCycle { .. })));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    nodes: Vec<Node>,
    index: BTreeMap<IndicatorCode, usize>,
    children: Vec<Vec<usize>>,
    levels: Vec<u8>,
    root: usize,
}

impl Tree {
    /// Validates `nodes` into a tree.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`], [`Error::DuplicateCode`], [`Error::OrphanNode`],
    /// [`Error::TreeCycle`], [`Error::RootCount`], [`Error::ZeroWeightSum`].
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?, Node::new("x", Some("i"), 1.into())?])?;
    /// assert_eq!(t.leaves().count(), 1);
    /// assert!(Tree::new(vec![]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(nodes: Vec<Node>) -> Result<Tree> {
        if nodes.is_empty() {
            return Err(Error::Empty {
                what: "the indicator tree",
            });
        }
        let mut index = BTreeMap::new();
        for (i, node) in nodes.iter().enumerate() {
            if index.insert(node.code.clone(), i).is_some() {
                return Err(Error::DuplicateCode {
                    code: node.code.to_string(),
                });
            }
        }
        let mut parent_of = Vec::with_capacity(nodes.len());
        for node in &nodes {
            parent_of.push(match &node.parent {
                None => None,
                Some(p) => Some(*index.get(p).ok_or_else(|| Error::OrphanNode {
                    code: node.code.to_string(),
                    parent: p.to_string(),
                })?),
            });
        }
        // A cycle: following parents from some node comes back to a node on the path.
        for start in 0..nodes.len() {
            let mut path = vec![start];
            let mut at = start;
            while let Some(Some(p)) = parent_of.get(at) {
                if let Some(k) = path.iter().position(|&q| q == *p) {
                    let mut names: Vec<String> = path
                        .get(k..)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|&q| nodes.get(q).map(|n| n.code.to_string()))
                        .collect();
                    names.push(
                        nodes
                            .get(*p)
                            .map(|n| n.code.to_string())
                            .unwrap_or_default(),
                    );
                    return Err(Error::TreeCycle {
                        path: names.join(" -> "),
                    });
                }
                path.push(*p);
                at = *p;
            }
        }
        let roots: Vec<usize> = (0..nodes.len())
            .filter(|&i| matches!(parent_of.get(i), Some(None)))
            .collect();
        let [root] = roots[..] else {
            return Err(Error::RootCount {
                roots: roots
                    .iter()
                    .filter_map(|&i| nodes.get(i).map(|n| n.code.to_string()))
                    .collect(),
            });
        };
        let mut children = vec![Vec::new(); nodes.len()];
        for (i, p) in parent_of.iter().enumerate() {
            if let Some(list) = p.and_then(|p| children.get_mut(p)) {
                list.push(i);
            }
        }
        let mut tree = Tree {
            levels: vec![0; nodes.len()],
            nodes,
            index,
            children,
            root,
        };
        tree.check_groups()?;
        tree.levels = (0..tree.nodes.len()).map(|i| tree.level_of(i)).collect();
        Ok(tree)
    }

    fn level_of(&self, i: usize) -> u8 {
        self.children
            .get(i)
            .map(|c| c.iter().map(|&k| self.level_of(k)).max().unwrap_or(0))
            .unwrap_or(0)
            .saturating_add(1)
    }

    fn check_groups(&self) -> Result<()> {
        for (i, kids) in self.children.iter().enumerate() {
            if kids.is_empty() {
                continue;
            }
            let sum = self.sum_weights(kids)?;
            if sum.is_zero() {
                return Err(Error::ZeroWeightSum {
                    group: self.code(i).to_string(),
                });
            }
        }
        Ok(())
    }

    fn sum_weights(&self, kids: &[usize]) -> Result<Decimal> {
        kids.iter().try_fold(Decimal::ZERO, |acc, &k| {
            let w = self.nodes.get(k).map_or(Decimal::ZERO, |n| n.weight);
            checked::add(acc, w)
        })
    }

    pub(crate) fn code(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("", |n| n.code.as_str())
    }

    pub(crate) fn node_at(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i)
    }

    pub(crate) fn position(&self, code: &IndicatorCode) -> Result<usize> {
        self.index
            .get(code)
            .copied()
            .ok_or_else(|| Error::UnknownCode {
                code: code.to_string(),
                context: "the indicator tree".to_owned(),
            })
    }

    pub(crate) fn root(&self) -> usize {
        self.root
    }

    pub(crate) fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// Nodes in an order where children come before their parents.
    pub(crate) fn bottom_up(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.nodes.len()).collect();
        order.sort_by_key(|&i| (self.levels.get(i).copied().unwrap_or(0), i));
        order
    }

    /// The node with `code`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCode`] if there is none.
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?])?;
    /// assert_eq!(t.node(&"i".parse()?)?.weight(), 1.into());
    /// assert!(t.node(&"j".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn node(&self, code: &IndicatorCode) -> Result<&Node> {
        let i = self.position(code)?;
        self.nodes.get(i).ok_or_else(|| Error::UnknownCode {
            code: code.to_string(),
            context: "the indicator tree".to_owned(),
        })
    }

    /// The nodes, in the order given.
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?])?;
    /// assert_eq!(t.nodes().len(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The indicators (nodes without children), in the order given.
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?, Node::new("x", Some("i"), 1.into())?])?;
    /// assert_eq!(t.leaves().map(|n| n.code().as_str()).collect::<Vec<_>>(), ["x"]);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn leaves(&self) -> impl Iterator<Item = &Node> + '_ {
        self.nodes
            .iter()
            .zip(&self.children)
            .filter(|(_, c)| c.is_empty())
            .map(|(n, _)| n)
    }

    /// The level of a node: 1 for indicators, one more than its highest child
    /// for an aggregate.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCode`].
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?, Node::new("x", Some("i"), 1.into())?])?;
    /// assert_eq!(t.level(&"x".parse()?)?, 1);
    /// assert!(t.level(&"y".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn level(&self, code: &IndicatorCode) -> Result<u8> {
        let i = self.position(code)?;
        Ok(self.levels.get(i).copied().unwrap_or(0))
    }

    pub(crate) fn level_at(&self, i: usize) -> u8 {
        self.levels.get(i).copied().unwrap_or(0)
    }

    /// A node's weight renormalised within its group (its parent's children
    /// sum to 1); 1 for the root.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCode`].
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// use indstat::dec;
    /// let t = Tree::new(vec![
    ///     Node::new("i", None, dec!(1))?, Node::new("a", Some("i"), dec!(1))?, Node::new("b", Some("i"), dec!(3))?,
    /// ])?;
    /// assert_eq!(t.group_weight(&"b".parse()?)?, dec!(0.75));
    /// assert!(t.group_weight(&"c".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn group_weight(&self, code: &IndicatorCode) -> Result<Decimal> {
        let i = self.position(code)?;
        let Some(parent) = self.nodes.get(i).and_then(|n| n.parent.as_ref()) else {
            return Ok(Decimal::ONE);
        };
        let p = self.position(parent)?;
        let sum = self.sum_weights(self.children.get(p).map_or(&[][..], Vec::as_slice))?;
        let w = self.nodes.get(i).map_or(Decimal::ZERO, |n| n.weight);
        w.checked_div(sum).ok_or_else(|| Error::ZeroWeightSum {
            group: parent.to_string(),
        })
    }

    /// The same tree with new nominal weights for some nodes, keyed by code
    /// (COINr issue #62: never by position).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCode`], [`Error::NegativeWeight`],
    /// [`Error::ZeroWeightSum`].
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// use indstat::dec;
    /// let t = Tree::new(vec![
    ///     Node::new("i", None, dec!(1))?, Node::new("a", Some("i"), dec!(1))?, Node::new("b", Some("i"), dec!(1))?,
    /// ])?;
    /// let t2 = t.with_weights(&[("a".parse()?, dec!(3))])?;
    /// assert_eq!(t2.group_weight(&"a".parse()?)?, dec!(0.75));
    /// assert!(t.with_weights(&[("a".parse()?, dec!(0)), ("b".parse()?, dec!(0))]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn with_weights(&self, weights: &[(IndicatorCode, Decimal)]) -> Result<Tree> {
        let mut tree = self.clone();
        for (code, w) in weights {
            check_weight(code, *w)?;
            let i = tree.position(code)?;
            if let Some(node) = tree.nodes.get_mut(i) {
                node.weight = *w;
            }
        }
        tree.check_groups()?;
        Ok(tree)
    }

    /// The same tree with new weights for nodes of one level only (COINr issue
    /// #42): every code must be at `level`.
    ///
    /// # Errors
    ///
    /// As [`with_weights`](Self::with_weights), and
    /// [`Error::InvalidParameter`] for a code at another level.
    ///
    /// ```
    /// use indstat::composite::{Node, Tree};
    /// use indstat::dec;
    /// let t = Tree::new(vec![
    ///     Node::new("i", None, dec!(1))?, Node::new("a", Some("i"), dec!(1))?, Node::new("x", Some("a"), dec!(1))?,
    /// ])?;
    /// assert!(t.with_level_weights(2, &[("a".parse()?, dec!(2))]).is_ok());
    /// assert!(t.with_level_weights(1, &[("a".parse()?, dec!(2))]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn with_level_weights(
        &self,
        level: u8,
        weights: &[(IndicatorCode, Decimal)],
    ) -> Result<Tree> {
        for (code, _) in weights {
            let found = self.level(code)?;
            if found != level {
                return Err(Error::InvalidParameter {
                    name: "level weight",
                    value: format!("{code} (level {found})"),
                    reason: "every code in a level override must be at that level",
                });
            }
        }
        self.with_weights(weights)
    }
}
