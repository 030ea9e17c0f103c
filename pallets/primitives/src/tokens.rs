//! Units of the chain's two tokens.
//!
//! Both tokens have 12 decimals, so one whole token is `10^12` base units. The constants
//! are written once here and used by the runtime (existential deposits, fees, genesis
//! endowments) and by the node (chain properties), so a wallet and the runtime always
//! agree on what "1 QQQ" means.

use crate::Balance;

/// Decimals of QQQ and of QAS, as announced in the chain properties.
pub const TOKEN_DECIMALS: u8 = 12;

/// One whole QQQ: the native token (fees, service payments, rewards, miner bonds).
pub const QQQ: Balance = 1_000_000_000_000;
/// One thousandth of a QQQ.
pub const MILLI_QQQ: Balance = QQQ / 1_000;
/// One millionth of a QQQ.
pub const MICRO_QQQ: Balance = QQQ / 1_000_000;

/// One whole QAS: the governance token (referenda, supernode votes, deposit plans).
pub const QAS: Balance = 1_000_000_000_000;
/// One thousandth of a QAS.
pub const MILLI_QAS: Balance = QAS / 1_000;

/// Symbol of the native token, first in the chain properties.
pub const QQQ_SYMBOL: &str = "QQQ";
/// Symbol of the governance token, second in the chain properties.
pub const QAS_SYMBOL: &str = "QAS";
