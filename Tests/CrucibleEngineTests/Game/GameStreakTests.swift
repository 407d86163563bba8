import CrucibleEngine
import Foundation
import Testing

@Suite struct GameStreakTests {
    /// Activity at each instant, in the zone given, and the streak after each.
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var activity: [(String, String)]
        var current: Int
        var best: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Row(name: "first activity starts a streak", activity: [("2026-05-01T12:00:00Z", "UTC")], current: 1, best: 1),
        Row(
            name: "same day twice counts once",
            activity: [("2026-05-01T08:00:00Z", "UTC"), ("2026-05-01T22:00:00Z", "UTC")], current: 1, best: 1),
        Row(
            name: "across midnight, two minutes apart",
            activity: [("2026-05-01T23:59:00Z", "UTC"), ("2026-05-02T00:01:00Z", "UTC")], current: 2, best: 2),
        Row(
            name: "47 hours apart but on consecutive days",
            activity: [("2026-05-01T00:30:00Z", "UTC"), ("2026-05-02T23:30:00Z", "UTC")], current: 2, best: 2),
        Row(
            name: "a missed day resets",
            activity: [("2026-05-01T12:00:00Z", "UTC"), ("2026-05-02T12:00:00Z", "UTC"), ("2026-05-04T12:00:00Z", "UTC")],
            current: 1, best: 2),
        Row(
            name: "two local days apart, though under 48 hours",
            activity: [("2026-05-01T00:10:00Z", "UTC"), ("2026-05-03T00:05:00Z", "UTC")], current: 1, best: 1),
        // America/New_York springs forward on 2026-03-08 (a 23-hour day) and falls back on 2026-11-01 (25 hours).
        Row(
            name: "spring forward: 23-hour day",
            activity: [
                ("2026-03-07T04:30:00Z", "America/New_York"),  // Mar 6, 23:30 EST
                ("2026-03-08T04:30:00Z", "America/New_York"),  // Mar 7, 23:30 EST
                ("2026-03-09T03:30:00Z", "America/New_York"),
            ],  // Mar 8, 23:30 EDT: 23 h later, next day
            current: 3, best: 3),
        Row(
            name: "fall back: 25-hour day, 00:30 to 00:30",
            activity: [
                ("2026-10-31T04:30:00Z", "America/New_York"),  // Oct 31, 00:30 EDT
                ("2026-11-01T04:30:00Z", "America/New_York"),  // Nov 1, 00:30 EDT
                ("2026-11-02T05:30:00Z", "America/New_York"),
            ],  // Nov 2, 00:30 EST: 25 h later
            current: 3, best: 3),
        Row(
            name: "the repeated hour of fall back is one day",
            activity: [
                ("2026-11-01T05:30:00Z", "America/New_York"),  // 01:30 EDT
                ("2026-11-01T06:30:00Z", "America/New_York"),
            ],  // 01:30 EST, same date
            current: 1, best: 1),
        Row(
            name: "Berlin DST end, late evening to early morning",
            activity: [
                ("2026-10-24T21:50:00Z", "Europe/Berlin"),  // Oct 24, 23:50 CEST
                ("2026-10-25T23:10:00Z", "Europe/Berlin"),
            ],  // Oct 26, 00:10 CET: a day skipped
            current: 1, best: 1),
        Row(
            name: "flying west: New York evening, then London next morning",
            activity: [
                ("2026-06-10T02:00:00Z", "America/New_York"),  // Jun 9, 22:00 EDT
                ("2026-06-10T08:00:00Z", "Europe/London"),
            ],  // Jun 10, 09:00 BST
            current: 2, best: 2),
        Row(
            name: "crossing the date line back to yesterday changes nothing",
            activity: [
                ("2026-06-10T01:00:00Z", "Asia/Tokyo"),  // Jun 10, 10:00 JST
                ("2026-06-10T05:00:00Z", "America/Los_Angeles"),
            ],  // Jun 9, 22:00 PDT
            current: 1, best: 1),
        Row(
            name: "after the date line, the next local day extends",
            activity: [
                ("2026-06-10T01:00:00Z", "Asia/Tokyo"),  // Jun 10 JST
                ("2026-06-10T05:00:00Z", "America/Los_Angeles"),  // Jun 9 PDT
                ("2026-06-11T16:00:00Z", "America/Los_Angeles"),
            ],  // Jun 11 PDT: the day after Jun 10
            current: 2, best: 2),
        Row(
            name: "flying east skips a local day",
            activity: [
                ("2026-06-09T06:00:00Z", "America/Los_Angeles"),  // Jun 8, 23:00 PDT
                ("2026-06-09T16:00:00Z", "Asia/Tokyo"),
            ],  // Jun 10, 01:00 JST
            current: 1, best: 1),
        Row(
            name: "year and leap-day boundaries",
            activity: [
                ("2027-12-31T12:00:00Z", "UTC"), ("2028-01-01T12:00:00Z", "UTC"),
                ("2028-02-28T12:00:00Z", "UTC"), ("2028-02-29T12:00:00Z", "UTC"), ("2028-03-01T12:00:00Z", "UTC"),
            ],
            current: 3, best: 3),
    ])
    func streak(row: Row) {
        var streak = Streak()
        for (instant, zone) in row.activity {
            _ = GameRules.recordActiveDay(&streak, today: LocalDay(GameFixtures.instant(instant), calendar: GameFixtures.calendar(zone)))
        }
        #expect(streak.current == row.current)
        #expect(streak.best == row.best)
    }

    @Test func eventsSayWhetherTheStreakGrewOrBroke() {
        var streak = Streak()
        #expect(GameRules.recordActiveDay(&streak, today: LocalDay(year: 2026, month: 1, day: 1)) == .streakExtended(days: 1))
        #expect(GameRules.recordActiveDay(&streak, today: LocalDay(year: 2026, month: 1, day: 1)) == nil)
        #expect(GameRules.recordActiveDay(&streak, today: LocalDay(year: 2026, month: 1, day: 2)) == .streakExtended(days: 2))
        #expect(GameRules.recordActiveDay(&streak, today: LocalDay(year: 2026, month: 1, day: 5)) == .streakBroken(previous: 2))
        #expect(streak == Streak(current: 1, best: 2, lastActiveDay: LocalDay(year: 2026, month: 1, day: 5)))
    }

    @Test(arguments: [("2026-01-05", 3), ("2026-01-06", 3), ("2026-01-07", 0), ("2026-01-04", 3)])
    func streakShownTodayIsZeroOnceADayWasMissed(today: String, shown: Int) {
        let streak = Streak(current: 3, best: 5, lastActiveDay: LocalDay("2026-01-05"))
        #expect(streak.current(on: LocalDay(today)!) == shown)
    }

    @Test(arguments: [("1970-01-01", 0), ("2000-03-01", 11_017), ("2026-11-29", 20_786), ("1969-12-31", -1)])
    func dayNumbers(text: String, number: Int) {
        #expect(LocalDay(text)?.dayNumber == number)
        #expect(LocalDay(text)?.description == text)
    }

    @Test(arguments: ["", "2026-13-01", "2026-01-32", "2026/01/01", "yesterday", "2026-01"])
    func badDaysDoNotParse(text: String) {
        #expect(LocalDay(text) == nil)
    }
}
