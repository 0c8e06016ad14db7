// OCPP 1.6 ChargePointErrorCode values explained in words an operator acts on, in the UI language.
#pragma once

#include <QString>

namespace voltdesk::models {

/// A sentence for a ChargePointErrorCode ("GroundFailure" → "Earth fault: the residual-current device
/// tripped ..."). Unknown codes (vendor extensions) come back as "Code reported by the charger: X".
/// Empty for "NoError" and an empty code.
QString ocppErrorText(const QString& errorCode);

} // namespace voltdesk::models
