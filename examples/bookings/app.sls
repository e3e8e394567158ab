// Bookings: a hotel booking API and its asynchronous workers, deployed to
// two stages from one spec. Creating a booking is the latency-sensitive
// route: in prod its function keeps warm instances (provisioned
// concurrency, scaled with the load) and every new version reaches guests
// through a canary (10% for 5 minutes) that a smoke test opens and two
// alarms roll back. Dev deploys at once, with small sizes and short logs.
// `slsc stages app.sls` prints everything that differs between the stages.

app bookings {
  runtime       = "nodejs22.x"
  architecture  = arm64
  memory        = 512MB
  timeout       = 10s
  log_retention = stage { dev = 7d, prod = 90d }
  tags { team = "bookings", cost_center = "cc-210" }
  acknowledge {
    CKV_AWS_116 = "the API's functions are called synchronously; the worker is fed by a queue with a dead-letter queue"
    CKV_AWS_117 = "the functions call only AWS APIs; there is nothing in a VPC to reach"
    CKV_AWS_115 = "the booking function reserves concurrency in prod; the others share the account's pool"
  }
  // The front end reads the API's URL; the back office reads the table.
  outputs { BookingsTable = Bookings.name }
  // Every alarm (the defaults, the SLOs, the declared ones) tells on-call.
  alarms { notify = Ops }
}

stage dev
stage prod

type BookingRequest {
  hotelId: string(min_length = 1)
  guest:   string(min_length = 1)
  nights:  int(min = 1, max = 30)
}

type Booking {
  bookingId: string
  hotelId:   string
  guest:     string
  nights:    int
}

api Public http {
  auth = jwt {
    issuer   = stage { dev = "https://auth.dev.bookings.example.com/", prod = "https://auth.bookings.example.com/" }
    audience = ["bookings"]
  }
  cors {
    origins = stage { dev = ["http://localhost:5173"], prod = ["https://bookings.example.com"] }
    methods = [GET, POST]
  }
  // Guests wait on this one: its objectives roll a bad canary back.
  POST /bookings      -> CreateBooking {
    body = BookingRequest
    slo { p99 = 1500ms, errors = 1% }
  }
  GET  /bookings/{id} -> GetBooking
}

table Bookings {
  key = { bookingId: string }
}

// Confirmations are sent after the guest has their answer: the API never
// waits for the mail provider.
queue ConfirmationsDlq {
  retention = 14d
}

queue Confirmations of Booking {
  visibility_timeout = 60s
  retention          = 4d
  dead_letter        = ConfirmationsDlq after 5 receives
}

function CreateBooking {
  handler     = "bookings.create"
  code        = "src"
  memory      = stage { dev = 512MB, prod = 1024MB }
  concurrency = stage { prod = 100 }
  env {
    STAGE             = "${stage}"
    BOOKINGS_TABLE    = Bookings.name
    CONFIRMATIONS_URL = Confirmations.url
  }
  writes Bookings
  sends Booking to Confirmations

  // Every change publishes a version behind `live`, which the API invokes.
  alias                   = live
  deploy                  = stage { dev = all_at_once, prod = canary { percent = 10, interval = 5m } }
  rollback_on             = [CreateBookingErrors, CreateBookingSlow]
  before_traffic          = stage { prod = SmokeTest }
  deploy_notify           = stage { prod = Deployments }
  provisioned_concurrency = stage { prod = scaled { min = 5, max = 50, utilization = 0.7 } }
  slo { p99 = 800ms, errors = 0.5% }
  alarms {
    errors   = 1%
    duration = stage { dev = off { reason = "dev functions run cold on small memory; slow is expected there" }, prod = 60% }
  }
}

function GetBooking {
  handler = "bookings.get"
  code    = "src"
  env { BOOKINGS_TABLE = Bookings.name }
  reads Bookings
}

function SendConfirmation {
  handler = "confirmations.send"
  code    = "src"
  timeout = 10s
  env { BOOKINGS_TABLE = Bookings.name }
  on Confirmations { batch = 10, partial_failures = true }
  reads Bookings
}

// CodeDeploy runs it before the canary gets any traffic: it books a test
// stay through the new version and reports whether it worked.
function SmokeTest {
  stages  = [prod]
  handler = "hooks.smoke"
  code    = "src"
  timeout = 60s
  env { TARGET_FUNCTION = CreateBooking.name }
}

alarm CreateBookingErrors {
  metric             = CreateBooking.errors
  threshold          = 1
  period             = 1m
  evaluation_periods = 2
  notify             = [Ops]
  description        = "Bookings fail on the live alias"
}

alarm CreateBookingSlow {
  metric             = CreateBooking.duration
  statistic          = p99
  threshold          = stage { dev = 3s, prod = 1s }
  period             = 1m
  evaluation_periods = 3
  notify             = [Ops]
  description        = "Booking is slow for the slowest 1% of guests"
}

// The on-call engineers; and, in prod, where deployments are announced.
topic Ops {
  subscribers { email = stage { dev = ["dev-bookings@example.com"], prod = ["oncall-bookings@example.com"] } }
}

topic Deployments {
  stages = [prod]
  subscribers { email = ["releases@example.com"] }
}
