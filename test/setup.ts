// TypeORM and type-graphql read decorator metadata through the Reflect API.
import 'reflect-metadata';
