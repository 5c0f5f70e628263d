# A text adventure driven by a scripted list of commands: rooms, items, a state machine of game
# states, a command dispatch table of bound methods, context managers for "turns", exceptions
# used for control flow, and an event log.


class GameOver(Exception):
    def __init__(self, won, reason):
        super().__init__(reason)
        self.won = won


class UnknownCommand(Exception):
    pass


class Item:
    def __init__(self, name, weight=1, usable_on=None):
        self.name = name
        self.weight = weight
        self.usable_on = usable_on

    def __repr__(self):
        return f"<{self.name}>"


class Room:
    def __init__(self, name, description, dark=False):
        self.name = name
        self.description = description
        self.exits = {}
        self.items = []
        self.dark = dark
        self.locked = {}

    def connect(self, direction, other, back=None, locked_by=None):
        self.exits[direction] = other
        if locked_by:
            self.locked[direction] = locked_by
        if back:
            other.exits[back] = self


class Turn:
    """Context manager that counts a turn and records whether it raised."""

    def __init__(self, game, command):
        self.game = game
        self.command = command

    def __enter__(self):
        self.game.turn += 1
        self.game.log.append(f"T{self.game.turn}> {self.command}")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is UnknownCommand:
            self.game.say(f"I don't understand '{exc}'.")
            return True
        if exc_type is not None:
            self.game.log.append(f"T{self.game.turn} ended by {exc_type.__name__}")
        return False


class Game:
    MAX_WEIGHT = 5

    def __init__(self):
        hall = Room("hall", "A dusty hall.")
        library = Room("library", "Shelves of old books.")
        cellar = Room("cellar", "Cold and damp.", dark=True)
        vault = Room("vault", "Gold glitters everywhere!")
        garden = Room("garden", "Overgrown roses.")
        hall.connect("north", library, back="south")
        hall.connect("down", cellar, back="up")
        hall.connect("east", garden, back="west")
        cellar.connect("east", vault, back="west", locked_by="key")
        library.items += [Item("lamp", 2), Item("book", 3)]
        garden.items += [Item("key", 1, usable_on="vault"), Item("rock", 4)]
        vault.items.append(Item("gold", 3))
        self.room = hall
        self.inventory = []
        self.state = "exploring"
        self.turn = 0
        self.score = 0
        self.visited = {hall.name}
        self.log = []
        self.output = []
        self.commands = {
            "look": self.look, "go": self.go, "take": self.take, "drop": self.drop,
            "inventory": self.show_inventory, "use": self.use, "light": self.light, "quit": self.quit,
        }
        self.lamp_lit = False

    def say(self, text):
        self.output.append(text)
        print("  " + text)

    def can_see(self):
        return not self.room.dark or self.lamp_lit and any(i.name == "lamp" for i in self.inventory)

    def look(self):
        if not self.can_see():
            self.say("It is pitch dark.")
            return
        self.say(f"[{self.room.name}] {self.room.description}")
        if self.room.items:
            self.say("You see: " + ", ".join(i.name for i in self.room.items))
        self.say("Exits: " + " ".join(sorted(self.room.exits)))

    def go(self, direction):
        if direction not in self.room.exits:
            self.say(f"You can't go {direction}.")
            return
        if direction in self.room.locked:
            self.say("The door is locked.")
            return
        self.room = self.room.exits[direction]
        if self.room.name not in self.visited:
            self.visited.add(self.room.name)
            self.score += 5
        self.look()
        if self.room.name == "vault" and self.state == "exploring":
            self.state = "treasure"

    def find(self, items, name):
        for i in items:
            if i.name == name:
                return i
        return None

    def take(self, name):
        if not self.can_see():
            self.say("You fumble in the dark.")
            return
        item = self.find(self.room.items, name)
        if item is None:
            self.say(f"No {name} here.")
            return
        load = sum(i.weight for i in self.inventory)
        if load + item.weight > self.MAX_WEIGHT:
            self.say(f"The {name} is too heavy (carrying {load}).")
            return
        self.room.items.remove(item)
        self.inventory.append(item)
        self.say(f"Taken: {name}.")
        if name == "gold":
            self.score += 50
            self.state = "escaping"

    def drop(self, name):
        item = self.find(self.inventory, name)
        if item is None:
            self.say(f"You have no {name}.")
            return
        self.inventory.remove(item)
        self.room.items.append(item)
        self.say(f"Dropped: {name}.")

    def show_inventory(self):
        if not self.inventory:
            self.say("You carry nothing.")
        else:
            names = sorted(self.inventory, key=lambda i: (-i.weight, i.name))
            self.say(f"You carry: {names} (weight {sum(i.weight for i in self.inventory)})")

    def use(self, name):
        item = self.find(self.inventory, name)
        if item is None:
            self.say(f"You have no {name}.")
            return
        for direction, needed in list(self.room.locked.items()):
            if needed == name:
                del self.room.locked[direction]
                self.say(f"You unlock the way {direction} with the {name}.")
                return
        self.say("Nothing happens.")

    def light(self, name="lamp"):
        if self.find(self.inventory, name) is None:
            raise UnknownCommand(f"light {name}")
        self.lamp_lit = True
        self.say("The lamp is lit.")
        self.look()

    def quit(self):
        raise GameOver(False, "you gave up")

    def run_one(self, line):
        words = line.split()
        verb, args = words[0], words[1:]
        handler = self.commands.get(verb)
        if handler is None:
            raise UnknownCommand(line)
        try:
            handler(*args)
        except TypeError:
            raise UnknownCommand(line) from None
        if self.state == "escaping" and self.room.name == "hall":
            raise GameOver(True, "you escaped with the gold")

    def play(self, script):
        print("state:", self.state)
        try:
            for line in script:
                print(f"> {line}")
                with Turn(self, line):
                    self.run_one(line)
                print(f"  (turn {self.turn}, state {self.state}, score {self.score})")
        except GameOver as end:
            print(f"GAME OVER: {end} (won={end.won}) after {self.turn} turns, score {self.score}")
            return end.won
        finally:
            print("visited:", sorted(self.visited))
        print("script ended")
        return None


script = [
    "look", "go west", "go north", "take lamp", "take book", "take rock", "inventory",
    "go south", "go down", "take gold", "light", "look", "go east", "use key", "go east", "dance",
    "go up", "go east", "take key", "take rock", "drop book", "take rock", "drop rock", "take key",
    "go west", "go down", "use lamp", "use key", "go east", "take gold", "drop key", "take gold", "inventory", "go west",
    "go up", "look",
]
game = Game()
result = game.play(script)
print("result:", result)
print(len(game.output), "lines of output;", len(game.log), "log entries")
print(game.log[-3:])

game2 = Game()
print(game2.play(["inventory", "go nowhere", "take", "quit", "look"]))
print(game2.log)
