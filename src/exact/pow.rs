//! Integer powers that give exactly what `MathematicalOps::checked_powu`
//! gives, with [`mul`] for each product.

use rust_decimal::Decimal;

use super::{is_one, mul, normalize};

/// `base^exp` for `exp ≥ 0`, exactly as `MathematicalOps::checked_powi` gives it
/// (rust_decimal 1.43: squaring with a 96-bit product and normalising for
/// exponents below 1024, its wide path above), with [`mul`] for each product.
pub(crate) fn powu(base: Decimal, exp: u64) -> Option<Decimal> {
    if exp == 0 {
        return Some(Decimal::ONE);
    }
    if base.is_zero() {
        return Some(Decimal::ZERO);
    }
    if is_one(base) {
        return Some(Decimal::ONE);
    }
    match exp {
        1 => Some(base),
        2 => mul(base, base),
        _ if exp >= 1024 => rust_decimal::MathematicalOps::checked_powu(&base, exp),
        _ => {
            let mut product = Decimal::ONE;
            let mut power = base;
            let mut mask = exp;
            for n in 0..u64::BITS.saturating_sub(exp.leading_zeros()) {
                if n > 0 {
                    power = mul(power, power)?;
                    mask >>= 1;
                }
                if mask & 1 == 1 {
                    product = mul(product, power)?;
                }
            }
            Some(normalize(product))
        }
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)] // test generators
mod tests {
    use super::super::tests::{Mix, agree};
    use super::*;

    #[test]
    fn powers_are_rust_decimal_powers() {
        use rust_decimal::MathematicalOps;
        let mut g = Mix(41);
        for _ in 0..20_000 {
            let f = Decimal::ONE + Decimal::from_i128_with_scale((g.next() >> 8) as i128, 28);
            let x = g.decimal();
            for exp in [0, 1, 2, 3, 4, 5, 7, 10, 1023, 1024] {
                for base in [f, x, -f] {
                    let (got, want) = (powu(base, exp), base.checked_powu(exp));
                    agree(format_args!("{base}^{exp}"), got, want);
                }
            }
        }
    }
}
