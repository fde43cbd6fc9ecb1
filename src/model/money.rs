//! Money as integer cents.

use serde::{Deserialize, Serialize};

/// An amount of money in euro cents. Never a floating-point number.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    /// Zero euros.
    pub const ZERO: Self = Self(0);

    /// An amount in whole euros.
    pub const fn euros(euros: i64) -> Self {
        Self(euros * 100)
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Adds, saturating at the limits of `i64` rather than overflowing.
    #[must_use]
    pub const fn saturating_add(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }

    /// Subtracts, saturating at the limits of `i64` rather than overflowing.
    #[must_use]
    pub const fn saturating_sub(self, other: Self) -> Self {
        Self(self.0.saturating_sub(other.0))
    }

    /// `self × numerator / denominator`, rounded half away from zero, in integer arithmetic.
    #[must_use]
    pub fn scaled(self, numerator: i64, denominator: i64) -> Self {
        if denominator == 0 {
            return Self::ZERO;
        }
        let product = i128::from(self.0) * i128::from(numerator);
        let den = i128::from(denominator);
        let half = den.abs() / 2;
        let rounded = if (product >= 0) == (den > 0) {
            (product.abs() + half) / den.abs()
        } else {
            -((product.abs() + half) / den.abs())
        };
        Self(i64::try_from(rounded).unwrap_or(if rounded > 0 { i64::MAX } else { i64::MIN }))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, Self::saturating_add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_rounds_half_away_from_zero() {
        assert_eq!(Money(1000).scaled(1, 3), Money(333));
        assert_eq!(Money(1000).scaled(2, 3), Money(667));
        assert_eq!(Money(-1000).scaled(2, 3), Money(-667));
        assert_eq!(Money(3_800_000).scaled(6, 12), Money(1_900_000));
        assert_eq!(Money(5).scaled(1, 0), Money::ZERO);
    }

    #[test]
    fn sum_saturates() {
        let total: Money = [Money(i64::MAX), Money(5)].into_iter().sum();
        assert_eq!(total, Money(i64::MAX));
    }
}
