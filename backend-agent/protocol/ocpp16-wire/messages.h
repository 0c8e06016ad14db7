// Every typed OCPP 1.6 message in one include, for code that handles many profiles at once.
#pragma once

#include "protocol/ocpp16-wire/core.h"
#include "protocol/ocpp16-wire/firmware.h"
#include "protocol/ocpp16-wire/local_auth_list.h"
#include "protocol/ocpp16-wire/remote_trigger.h"
#include "protocol/ocpp16-wire/reservation.h"
#include "protocol/ocpp16-wire/security.h"
#include "protocol/ocpp16-wire/smart_charging.h"
